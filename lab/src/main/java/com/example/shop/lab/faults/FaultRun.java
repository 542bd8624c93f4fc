package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.probe.CurrentFault;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.OnExit;

/**
 * Runs one {@link Fault} from start to end: inject, keep it for its duration while
 * observing it, heal. A fault is healed whatever happens: when the duration has passed,
 * when injecting or observing fails, and when the JVM is asked to stop (Ctrl-C). Faults
 * in the network path are also ended by the fault proxy itself at their deadline, for the
 * case where this process is killed outright.
 */
public final class FaultRun {

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
	 * @return when the fault began, stopped acting and was healed: for a fault with a
	 * duration it stops acting when healing begins; a one-shot fault (a kill, a failover)
	 * stops acting once injected, and the system must heal itself from there
	 */
	static FaultWindow run(Fault fault, PrintWriter out) {
		return new FaultRun(fault, out).run(true);
	}

	/**
	 * Runs a fault whose {@link Fault#prepare} has already been done, as a game day does
	 * before it starts its load.
	 * @param fault the fault, prepared
	 * @param out where the fault and the countdown report
	 * @return as {@link #run(Fault, PrintWriter)}
	 */
	public static FaultWindow runPrepared(Fault fault, PrintWriter out) {
		return new FaultRun(fault, out).run(false);
	}

	private FaultWindow run(boolean prepare) {
		OnExit onInterrupt = OnExit.run("heal-" + this.fault.name(), () -> {
			this.out.println(this.fault.name() + ": interrupted, healing ...");
			heal();
		});
		long started = 0;
		long ended;
		try {
			if (prepare) {
				this.fault.prepare(this.out);
			}
			started = System.currentTimeMillis();
			CurrentFault.write(LabPaths.fromSystem(), this.fault.name());
			this.fault.inject(this.out);
			ended = System.currentTimeMillis();
			if (this.fault.duration().isPositive()) {
				hold();
				ended = System.currentTimeMillis();
			}
		}
		finally {
			try {
				heal();
			}
			finally {
				onInterrupt.cancel();
			}
		}
		return new FaultWindow(started, ended, System.currentTimeMillis());
	}

	private void hold() {
		Instant end = Instant.now().plus(this.fault.duration());
		Duration left = Duration.between(Instant.now(), end);
		while (left.isPositive()) {
			Await.sleep(min(left, this.fault.observeEvery()));
			left = Duration.between(Instant.now(), end);
			if (left.isPositive()) {
				this.fault.observe(this.out, left);
			}
		}
	}

	/** Heals once, whether called by the run or by the shutdown hook. */
	private synchronized void heal() {
		if (this.healed.compareAndSet(false, true)) {
			try {
				this.fault.heal(this.out);
			}
			finally {
				CurrentFault.clear(LabPaths.fromSystem());
			}
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
