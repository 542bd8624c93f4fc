package com.example.shop.lab;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one {@link Fault} from start to end: inject, keep it for its duration while
 * observing it, heal. A fault is healed whatever happens: when the duration has passed,
 * when injecting or observing fails, and when the JVM is asked to stop (Ctrl-C). Faults
 * in the network path are also ended by the fault proxy itself at their deadline, for the
 * case where this process is killed outright.
 */
final class FaultRun {

	private final Fault fault;

	private final PrintWriter out;

	private final AtomicBoolean healed = new AtomicBoolean();

	private FaultRun(Fault fault, PrintWriter out) {
		this.fault = fault;
		this.out = out;
	}

	/**
	 * Runs a fault and returns once it is healed.
	 * @param fault the fault
	 * @param out where the fault and the countdown report
	 */
	static void run(Fault fault, PrintWriter out) {
		new FaultRun(fault, out).run();
	}

	private void run() {
		Thread onInterrupt = new Thread(() -> {
			this.out.println(this.fault.name() + ": interrupted, healing ...");
			heal();
		});
		Runtime.getRuntime().addShutdownHook(onInterrupt);
		try {
			this.fault.inject(this.out);
			hold();
		}
		finally {
			try {
				heal();
			}
			finally {
				removeHook(onInterrupt);
			}
		}
	}

	private void hold() {
		Instant end = Instant.now().plus(this.fault.duration());
		Duration left = Duration.between(Instant.now(), end);
		while (left.isPositive()) {
			Processes.sleep(min(left, this.fault.observeEvery()));
			left = Duration.between(Instant.now(), end);
			if (left.isPositive()) {
				this.fault.observe(this.out, left);
			}
		}
	}

	/** Heals once, whether called by the run or by the shutdown hook. */
	private synchronized void heal() {
		if (this.healed.compareAndSet(false, true)) {
			this.fault.heal(this.out);
		}
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook is running or has run
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
