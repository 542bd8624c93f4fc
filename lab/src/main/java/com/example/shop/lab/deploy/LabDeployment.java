package com.example.shop.lab.deploy;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;

import com.example.shop.deploy.BlueGreenDeployment;
import com.example.shop.deploy.Colour;
import com.example.shop.deploy.ConsoleProgress;
import com.example.shop.deploy.DeploymentPlan;
import com.example.shop.deploy.Outcome;
import com.example.shop.deploy.Pacer;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.fleet.WebColours;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.probe.BalancerProbe;

/**
 * A blue/green deployment of the web tier on the running lab: the state machine the AWS
 * deploy uses ({@link BlueGreenDeployment}) with the lab's adapters plugged in, HAProxy's
 * weights and checks for the ALB's ({@link LabTrafficRouter}), the lab's web instances
 * for the Auto Scaling groups ({@link LabFleet}), the load balancer's access log for the
 * alarms ({@link LabSignals}). Whatever it ends with, the colour it leaves live is
 * recorded.
 */
final class LabDeployment {

	/**
	 * What {@code --break} ships: a release configured with a database user that does not
	 * exist (and, as releases that run their migrations separately do, without Flyway at
	 * start-up). It starts and passes its health checks, which are local by design, but
	 * every order it takes fails with 503.
	 */
	static final List<String> BROKEN_SETTINGS = List.of("--spring.flyway.enabled=false",
			"--spring.datasource.username=orders_app");

	private final Topology topology;

	private final LabTrafficRouter router;

	private final BlueGreenDeployment deployment;

	private final PrintWriter out;

	/**
	 * @param topology the running lab
	 * @param plan the steps, bakes and timeouts
	 * @param broken whether the release ships {@link #BROKEN_SETTINGS}
	 * @param out where progress goes
	 */
	LabDeployment(Topology topology, DeploymentPlan plan, boolean broken, PrintWriter out) {
		this.topology = topology;
		this.out = out;
		this.router = new LabTrafficRouter(topology.loadBalancer(), new BalancerProbe(topology.paths()));
		this.deployment = new BlueGreenDeployment(this.router,
				new LabFleet(topology, broken ? BROKEN_SETTINGS : List.of(), out),
				new LabSignals(topology.paths().log("load-balancer")), plan, Pacer.SYSTEM,
				new ConsoleProgress(out, Pacer.SYSTEM, ZoneId.systemDefault()));
	}

	/**
	 * Deploys a release to the idle colour.
	 * @param release its name
	 * @param broken whether it is broken on purpose, to say so
	 * @return how it ended
	 */
	Outcome deploy(String release, boolean broken) {
		this.out.printf("Deploying %s%s to the idle colour; live now: %s%n", release,
				broken ? " (broken on purpose)" : "", WebColours.load(this.topology.paths()).live());
		return recorded(this.deployment.deploy(release));
	}

	/**
	 * Sends all traffic to a colour and stops the other, deploying nothing.
	 * @param keep the colour to keep
	 * @return how it ended
	 * @throws LabException if that colour has no healthy instance: all traffic to it
	 * would fail every request
	 */
	Outcome rollBack(Colour keep) {
		if (this.router.health(keep).healthy() == 0) {
			throw new LabException("not rolling back to " + keep + ": it has no healthy instance ("
					+ this.router.health(keep) + "); bin/lab status shows what runs");
		}
		return recorded(this.deployment.rollBack(keep, "asked for"));
	}

	private Outcome recorded(Outcome outcome) {
		WebColours.load(this.topology.paths()).makeLive(outcome.live());
		this.out.printf("%s: %s%n", outcome.deployed() ? "Deployed" : "Rolled back", outcome.reason());
		return outcome;
	}

}
