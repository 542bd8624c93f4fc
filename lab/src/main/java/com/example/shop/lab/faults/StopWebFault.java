package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.probe.BalancerProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Processes;

/**
 * A web instance is stopped gracefully (SIGTERM), as a scale-in or a deployment does: its
 * readiness goes down at once, the load balancer takes it out, it serves what still
 * reaches it through its 12 s deregistration delay and exits. Then it is started again,
 * so the fault ends by itself. Nobody should notice.
 */
public final class StopWebFault implements Fault {

	private static final Duration LONGEST_SHUTDOWN = Duration.ofSeconds(60);

	private final int instance;

	private final Topology topology;

	private volatile boolean injected;

	public StopWebFault(int instance, Topology topology) {
		this.instance = (instance > 0) ? instance : topology.firstWebSlot();
		this.topology = topology;
	}

	@Override
	public String name() {
		return "stop-web";
	}

	@Override
	public Duration duration() {
		return Duration.ZERO;
	}

	@Override
	public void inject(PrintWriter out) {
		LabState.Component web = this.topology.runningInstance(instanceName());
		this.injected = Processes.terminate(web.pid());
		out.printf("stop-web: %s (pid %d) got SIGTERM: readiness goes down, it keeps serving through its "
				+ "deregistration delay (12 s), then exits%n", web.name(), web.pid());
	}

	@Override
	public void heal(PrintWriter out) {
		if (!this.injected) {
			return;
		}
		this.topology.state().get(instanceName()).ifPresent((web) -> awaitExit(web, out));
		out.printf("stop-web: starting %s again ...%n", instanceName());
		this.topology.startInstance("web", this.instance, List.of());
		out.printf("stop-web: %s is ready again (pid %d); the load balancer puts it back after 2 good checks%n",
				instanceName(), this.topology.runningInstance(instanceName()).pid());
	}

	private void awaitExit(LabState.Component web, PrintWriter out) {
		long started = System.nanoTime();
		while (Processes.isAlive(web.pid())) {
			Duration waited = Duration.ofNanos(System.nanoTime() - started);
			if (waited.compareTo(LONGEST_SHUTDOWN) > 0) {
				out.printf("stop-web: %s did not exit within %d s; killing it%n", instanceName(),
						LONGEST_SHUTDOWN.toSeconds());
				Processes.kill(web.pid());
				return;
			}
			out.printf("stop-web: %s draining for %d s, load balancer: %s%n", instanceName(), waited.toSeconds(),
					new BalancerProbe(this.topology.paths()).webStatus().getOrDefault(instanceName(), "?"));
			Await.sleep(Duration.ofSeconds(2));
		}
		out.printf("stop-web: %s exited after %d s%n", instanceName(),
				Duration.ofNanos(System.nanoTime() - started).toSeconds());
	}

	private String instanceName() {
		return "web-" + this.instance;
	}

}
