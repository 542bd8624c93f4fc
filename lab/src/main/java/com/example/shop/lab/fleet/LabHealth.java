package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.FaultProxies;

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
		if (!Processes.await(timeout, () -> problems().isEmpty())) {
			throw new LabException("the lab is not healthy after " + timeout.toSeconds() + " s: "
					+ String.join("; ", problems()) + " (bin/lab status; bin/lab up repairs it)");
		}
		this.out.printf("   lab healthy: %d web in service, %d worker, synchronous standby streaming%n",
				this.topology.state().ofKind("web").size(), this.topology.state().ofKind("worker").size());
	}

	List<String> problems() {
		List<String> problems = new ArrayList<>();
		List<LabState.Component> webs = this.topology.state().ofKind("web");
		if (webs.isEmpty()) {
			problems.add("no web instance (is the lab up? bin/lab up)");
		}
		Map<String, String> balancer = loadBalancerView();
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
		if (synchronousStandbys() < 1) {
			problems.add("the database has no synchronous standby");
		}
		if (!faultFree()) {
			problems.add("a fault is active in the network path (bin/lab fault status)");
		}
		return problems;
	}

	private Map<String, String> loadBalancerView() {
		try {
			return this.topology.loadBalancer().webStatus();
		}
		catch (LabException ex) {
			return Map.of();
		}
	}

	private int synchronousStandbys() {
		try {
			return this.topology.database().synchronousStandbys();
		}
		catch (LabException ex) {
			return 0;
		}
	}

	private boolean faultFree() {
		try {
			return new FaultProxies(this.topology.paths()).status()
				.lines()
				.allMatch((line) -> line.isBlank() || line.contains(" pass "));
		}
		catch (LabException ex) {
			return false;
		}
	}

}
