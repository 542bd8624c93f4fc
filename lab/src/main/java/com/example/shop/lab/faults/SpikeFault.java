package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.load.LoadJar;
import org.jspecify.annotations.Nullable;

/**
 * A traffic spike far beyond what the web tier can serve: the load generator places
 * orders at a fixed arrival rate whatever the answers (an open model, as real customers
 * are). Each instance serves its limit of concurrent requests and answers the rest
 * {@code 503} at once (load shedding), so the per-second lines show fast errors instead
 * of timeouts, and the instances stay healthy.
 */
public final class SpikeFault implements Fault {

	/** The generator waits up to its 5 s request timeout for the last answers. */
	private static final Duration LAST_ANSWERS = Duration.ofSeconds(15);

	/** A JVM with Gatling starts in a few seconds on an idle machine. */
	private static final Duration READY_WITHIN = Duration.ofSeconds(90);

	private final int rate;

	private final Duration duration;

	private final LabPaths paths;

	private final @Nullable Path record;

	private volatile LoadJar.@Nullable Running load;

	private volatile boolean sent;

	/**
	 * A spike.
	 * @param rate orders per second
	 * @param duration how long
	 * @param paths the lab
	 * @param record where the spike's own requests are recorded (a game day checks them
	 * too), or {@code null}
	 */
	public SpikeFault(int rate, Duration duration, LabPaths paths, @Nullable Path record) {
		this.rate = rate;
		this.duration = duration;
		this.paths = paths;
		this.record = record;
	}

	@Override
	public String name() {
		return "spike";
	}

	@Override
	public Duration duration() {
		return this.duration;
	}

	/** The load generator prints a line per second; a countdown would only add noise. */
	@Override
	public Duration observeEvery() {
		return this.duration;
	}

	@Override
	public void observe(PrintWriter out, Duration left) {
	}

	/**
	 * Starts the spike's load generator ahead of time: a JVM with Gatling takes seconds
	 * of CPU to start, and started at the moment of the spike on a busy 2-core machine it
	 * took 20 s to send its first order, so the spike came late and small.
	 */
	@Override
	public void prepare(PrintWriter out) {
		out.println("spike: starting its load generator ahead of the spike");
		LoadJar.Running running = LoadJar.of(this.paths, this.rate, this.duration, this.record)
			.onSignal()
			.start(out, "  spike: ");
		this.load = running;
		running.awaitReady(READY_WITHIN);
	}

	@Override
	public void inject(PrintWriter out) {
		LoadJar.Running running = this.load;
		if (running == null) {
			throw new IllegalStateException("the spike was not prepared");
		}
		out.printf("spike: %d orders/s for %d s through the load balancer; expect fast 503s (load shedding)%n",
				this.rate, this.duration.toSeconds());
		running.go();
		this.sent = true;
	}

	@Override
	public void heal(PrintWriter out) {
		LoadJar.Running running = this.load;
		if (running != null && !this.sent) {
			running.stop();
			out.println("spike: the load generator was stopped before the spike");
		}
		else if (running != null && !running.awaitEnd(LAST_ANSWERS)) {
			out.println("spike: the load generator was stopped");
		}
	}

}
