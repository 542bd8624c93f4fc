package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Processes;

/**
 * Whether the lab is whole: every web instance running and in service at the load
 * balancer, every worker running, the database with its synchronous standby, no fault
 * left in the network path. A game day starts each scenario from here, so one scenario's
 * after-effects (a standby still being rebuilt, an instance still rising) do not count
 * against the next.
 */
public final class LabHealth {

	private final Topology topology;

	private final PrintWriter out;

	public LabHealth(Topology topology, PrintWriter out) {
		this.topology = topology;
		this.out = out;
	}

	/**
	 * Waits until the lab is whole.
	 * @param timeout the longest wait
	 * @throws LabException saying what is still wrong
	 */
	public void await(Duration timeout) {
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			if (!Await.until(timeout, () -> problems(probe).isEmpty())) {
				throw new LabException("the lab is not healthy after " + timeout.toSeconds() + " s: "
						+ String.join("; ", problems(probe)) + " (bin/lab status; bin/lab up repairs it)");
			}
		}
		this.out.printf("   lab healthy: %d web in service, %d worker, synchronous standby streaming%n",
				this.topology.state().ofKind("web").size(), this.topology.state().ofKind("worker").size());
	}

	/**
	 * What keeps the lab from being whole right now.
	 * @param probe what reads the lab
	 * @return one sentence per problem; none when the lab is whole
	 */
	public List<String> problems(SystemProbe probe) {
		List<String> problems = new ArrayList<>();
		List<LabState.Component> webs = this.topology.state().ofKind("web");
		if (webs.isEmpty()) {
			problems.add("no web instance (is the lab up? bin/lab up)");
		}
		Map<String, String> balancer = loadBalancerView(probe);
		for (LabState.Component web : webs) {
			if (!Processes.isAlive(web.pid())) {
				problems.add(web.name() + " is not running");
			}
			else if (!balancer.getOrDefault(web.name(), "?").startsWith("UP")) {
				problems
					.add(web.name() + " is " + balancer.getOrDefault(web.name(), "unknown") + " at the load balancer");
			}
		}
		this.topology.state()
			.ofKind("worker")
			.stream()
			.filter((worker) -> !Processes.isAlive(worker.pid()))
			.forEach((worker) -> problems.add(worker.name() + " is not running"));
		if (probe.database().synchronousStandbys() < 1) {
			problems.add("the database has no synchronous standby");
		}
		if (!faultFree(probe)) {
			problems.add("a fault is active in the network path (bin/lab fault status)");
		}
		return problems;
	}

	private static Map<String, String> loadBalancerView(SystemProbe probe) {
		try {
			return probe.balancer().webStatus();
		}
		catch (LabException ex) {
			return Map.of();
		}
	}

	private static boolean faultFree(SystemProbe probe) {
		try {
			return probe.activeFaultRoutes().isEmpty();
		}
		catch (LabException ex) {
			return false;
		}
	}

}
