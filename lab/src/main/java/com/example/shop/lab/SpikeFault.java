package com.example.shop.lab;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A traffic spike far beyond what the web tier can serve: the load generator places
 * orders at a fixed arrival rate whatever the answers (an open model, as real customers
 * are). Each instance serves its limit of concurrent requests and answers the rest
 * {@code 503} at once (load shedding), so the per-second lines show fast errors instead
 * of timeouts, and the instances stay healthy.
 */
final class SpikeFault implements Fault {

	/** The generator waits up to its 5 s request timeout for the last answers. */
	private static final Duration LAST_ANSWERS = Duration.ofSeconds(15);

	private final int rate;

	private final Duration duration;

	private final LabPaths paths;

	private final @Nullable Path record;

	private volatile LoadJar.@Nullable Running load;

	/**
	 * A spike.
	 * @param rate orders per second
	 * @param duration how long
	 * @param paths the lab
	 * @param record where the spike's own requests are recorded (a game day checks them
	 * too), or {@code null}
	 */
	SpikeFault(int rate, Duration duration, LabPaths paths, @Nullable Path record) {
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

	@Override
	public void inject(PrintWriter out) {
		LoadJar spike = LoadJar.of(this.paths, this.rate, this.duration, this.record);
		out.printf("spike: %d orders/s for %d s through the load balancer; expect fast 503s (load shedding)%n",
				this.rate, this.duration.toSeconds());
		this.load = spike.start(out, "  spike: ");
	}

	@Override
	public void heal(PrintWriter out) {
		LoadJar.Running running = this.load;
		if (running != null && !running.awaitEnd(LAST_ANSWERS)) {
			out.println("spike: the load generator was stopped");
		}
	}

}
