package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import com.example.shop.lab.fleet.Replacer;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Zones;
import com.example.shop.lab.process.Processes;

/**
 * A web instance dies at once (SIGKILL), as when its host fails: it gets no chance to
 * take itself out of the load balancer, so the requests routed to it fail until the
 * health checks notice (2 failed checks, 5 s apart). An Auto Scaling group would replace
 * it: with {@code --replace} the fault does so at once; without, the lab's
 * {@link Replacer} does 10 s later, unless {@code bin/lab replace off} keeps it down.
 */
public final class KillWebFault implements Fault {

	private final int instance;

	private final boolean replace;

	private final Topology topology;

	private volatile boolean injected;

	public KillWebFault(int instance, boolean replace, Topology topology) {
		this.instance = (instance > 0) ? instance : topology.firstWebSlot();
		this.replace = replace;
		this.topology = topology;
	}

	@Override
	public String name() {
		return "kill-web";
	}

	@Override
	public Duration duration() {
		return Duration.ZERO;
	}

	@Override
	public void inject(PrintWriter out) {
		LabState.Component web = this.topology.runningInstance(name(this.instance));
		this.injected = Processes.kill(web.pid());
		out.printf("kill-web: %s (pid %d) killed with SIGKILL; requests routed to it fail until the load "
				+ "balancer's checks take it out (2 failures, 5 s apart)%n", web.name(), web.pid());
	}

	@Override
	public void heal(PrintWriter out) {
		if (!this.injected) {
			return;
		}
		String name = name(this.instance);
		if (this.replace) {
			out.printf("kill-web: starting a replacement for %s ...%n", name);
			this.topology.startInstance("web", this.instance, List.of());
			out.printf("kill-web: %s is ready again (pid %d); the load balancer puts it back after 2 good checks%n",
					name, this.topology.runningInstance(name).pid());
		}
		else if (Replacer.enabled(this.topology.paths())) {
			out.printf(
					"kill-web: %s stays down until the lab's replacer starts a new one in zone %s, %d s after it "
							+ "died (bin/lab replace off keeps it down)%n",
					name, Zones.ofSlot(this.instance), Replacer.GRACE.toSeconds());
		}
		else {
			out.printf("kill-web: %s stays down. Start it again with: bin/lab up --web %d%n", name,
					this.topology.instanceCount("web"));
		}
	}

	private static String name(int instance) {
		return "web-" + instance;
	}

}
