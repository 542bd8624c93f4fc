package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.AwsStandIns;

/**
 * A worker dies at once (SIGKILL) while it may hold messages: received, not yet deleted.
 * SQS hands them out again when their visibility timeout ends, and processing them twice
 * does no harm, because the worker is idempotent. The worker is started again.
 */
public final class KillWorkerFault implements Fault {

	private static final Duration WAIT_FOR_WORK = Duration.ofSeconds(5);

	private final int instance;

	private final Topology topology;

	private volatile boolean injected;

	public KillWorkerFault(int instance, Topology topology) {
		this.instance = instance;
		this.topology = topology;
	}

	@Override
	public String name() {
		return "kill-worker";
	}

	@Override
	public Duration duration() {
		return Duration.ZERO;
	}

	@Override
	public void inject(PrintWriter out) {
		LabState.Component worker = this.topology.runningInstance(instanceName());
		int inFlight = awaitWork();
		this.injected = Processes.kill(worker.pid());
		out.printf("kill-worker: %s (pid %d) killed with SIGKILL; messages in flight on queue '%s': %d%n",
				worker.name(), worker.pid(), AwsClients.QUEUE, inFlight);
		out.println((inFlight > 0)
				? "  it may have held some: SQS delivers them again after their visibility timeout ("
						+ AwsStandIns.VISIBILITY_SECONDS + " s or more)"
				: "  no message was in flight; place orders first (bin/lab load --rate 20 --duration 60s) to kill "
						+ "it while it works");
	}

	@Override
	public void heal(PrintWriter out) {
		if (!this.injected) {
			return;
		}
		out.printf("kill-worker: starting %s again ...%n", instanceName());
		this.topology.startInstance("worker", this.instance, List.of());
		out.printf("kill-worker: %s is ready again (pid %d)%n", instanceName(),
				this.topology.runningInstance(instanceName()).pid());
	}

	/**
	 * Waits a moment (at most {@link #WAIT_FOR_WORK}) until the worker holds a message,
	 * so that the kill lands mid-message when orders are flowing; a worker renders a
	 * receipt in milliseconds, so a kill at a random moment would usually find it idle.
	 * @return the messages in flight when it gave up waiting or found some
	 */
	private int awaitWork() {
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			long deadline = System.nanoTime() + WAIT_FOR_WORK.toNanos();
			int inFlight = probe.queues().inFlight(AwsClients.QUEUE).orElse(0);
			while (inFlight == 0 && System.nanoTime() < deadline) {
				Await.sleep(Duration.ofMillis(10));
				inFlight = probe.queues().inFlight(AwsClients.QUEUE).orElse(0);
			}
			return inFlight;
		}
	}

	private String instanceName() {
		return "worker-" + this.instance;
	}

}
