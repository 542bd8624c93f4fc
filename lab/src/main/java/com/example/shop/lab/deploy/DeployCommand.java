package com.example.shop.lab.deploy;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import com.example.shop.deploy.BlueGreenDeployment;
import com.example.shop.deploy.Colour;
import com.example.shop.deploy.ConsoleProgress;
import com.example.shop.deploy.DeploymentPlan;
import com.example.shop.deploy.Outcome;
import com.example.shop.deploy.Pacer;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.fleet.WebColours;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.probe.BalancerProbe;
import com.example.shop.lab.standins.LoadBalancer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/lab deploy}: a blue/green deployment of the web tier on the running lab,
 * with the same state machine the AWS deploy uses ({@link BlueGreenDeployment});
 * HAProxy's weights and checks stand in for the ALB's, the access log for the alarms.
 * Exits 0 when deployed, 3 when the deployment rolled itself back.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
		description = "Deploy the web jar the build made to the idle colour (blue or green) and shift traffic to it "
				+ "in steps while watching errors and p99; roll back by itself on a breach.")
public class DeployCommand implements Callable<Integer> {

	/**
	 * What {@code --break} ships: a release configured with a database user that does not
	 * exist (and, as releases that run their migrations separately do, without Flyway at
	 * start-up). It starts and passes its health checks, which are local by design, but
	 * every order it takes fails with 503.
	 */
	static final List<String> BROKEN_SETTINGS = List.of("--spring.flyway.enabled=false",
			"--spring.datasource.username=orders_app");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'v'yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	@Spec
	CommandSpec spec;

	@Option(names = "--version", paramLabel = "V", description = "the release's name (default: v and the time)")
	@Nullable String version;

	@Option(names = "--break",
			description = "ship a broken release: healthy, but configured with a database user that does not "
					+ "exist, so every order fails with 503; the deployment must roll back by itself")
	boolean broken;

	@Option(names = "--steps", split = ",", defaultValue = "10,50,100",
			description = "the new colour's share at each step, in percent (default: ${DEFAULT-VALUE})")
	List<Integer> steps;

	@Option(names = "--bake", defaultValue = "20", paramLabel = "SECONDS",
			description = "seconds each step is watched (default: ${DEFAULT-VALUE})")
	int bakeSeconds;

	@Option(names = "--final-bake", defaultValue = "20", paramLabel = "SECONDS",
			description = "seconds the last step is watched before the old colour stops (default: ${DEFAULT-VALUE})")
	int finalBakeSeconds;

	@Option(names = "--healthy-timeout", defaultValue = "180", paramLabel = "SECONDS",
			description = "seconds the new colour may take to pass its checks (default: ${DEFAULT-VALUE})")
	int healthyTimeoutSeconds;

	@Option(names = "--rollback-to", paramLabel = "COLOUR",
			description = "deploy nothing: send all traffic to this colour (blue or green) and stop the other")
	@Nullable String rollbackTo;

	@Override
	public Integer call() {
		Topology topology = new Topology(LabPaths.fromSystem(), out());
		topology.requireRunning();
		LoadBalancer loadBalancer = topology.loadBalancer();
		LabFleet fleet = new LabFleet(topology, this.broken ? BROKEN_SETTINGS : List.of(), out());
		DeploymentPlan plan = new DeploymentPlan(this.steps, Duration.ofSeconds(this.healthyTimeoutSeconds),
				Duration.ofSeconds(this.bakeSeconds), Duration.ofSeconds(this.finalBakeSeconds), Duration.ofSeconds(1));
		LabTrafficRouter router = new LabTrafficRouter(loadBalancer, new BalancerProbe(topology.paths()));
		BlueGreenDeployment deployment = new BlueGreenDeployment(router, fleet,
				new LabSignals(topology.paths().log("load-balancer")), plan, Pacer.SYSTEM,
				new ConsoleProgress(out(), Pacer.SYSTEM, ZoneId.systemDefault()));
		Outcome outcome;
		if (this.rollbackTo != null) {
			Colour keep = Colour.of(this.rollbackTo);
			// All traffic to a colour with no healthy instance would fail every request.
			if (router.health(keep).healthy() == 0) {
				throw new LabException("not rolling back to " + keep + ": it has no healthy instance ("
						+ router.health(keep) + "); bin/lab status shows what runs");
			}
			outcome = deployment.rollBack(keep, "asked for");
		}
		else {
			String release = (this.version != null) ? this.version : STAMP.format(Instant.now());
			out().printf("Deploying %s%s to the idle colour; live now: %s%n", release,
					this.broken ? " (broken on purpose)" : "", WebColours.load(topology.paths()).live());
			outcome = deployment.deploy(release);
		}
		WebColours.load(topology.paths()).makeLive(outcome.live());
		out().printf("%s: %s%n", outcome.deployed() ? "Deployed" : "Rolled back", outcome.reason());
		return (outcome.deployed() || this.rollbackTo != null) ? 0 : 3;
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

}
