package com.example.shop.load;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The run in progress, handed from {@link LoadGenerator} to {@link OrdersSimulation}.
 * Gatling creates the simulation itself, by class name and without arguments, so the
 * simulation cannot be given its options and sinks the ordinary way; this is the one
 * place they are passed through, and only one run may be in progress at a time.
 *
 * @param options what to send
 * @param stats where the per-second and total figures are kept
 * @param log where every outcome is recorded
 * @param reporter the per-second printer, started and stopped with the injection
 */
record Run(LoadOptions options, LiveStats stats, OutcomeLog log, SecondReporter reporter) {

	private static final AtomicReference<@Nullable Run> current = new AtomicReference<>();

	static void begin(Run run) {
		if (!current.compareAndSet(null, run)) {
			throw new IllegalStateException("Another load run is already in progress");
		}
	}

	static Run current() {
		Run run = current.get();
		if (run == null) {
			throw new IllegalStateException("OrdersSimulation only runs from LoadGenerator");
		}
		return run;
	}

	static void end() {
		current.set(null);
	}

	/** Records one finished request everywhere it is counted. */
	void completed(Outcome outcome) {
		this.stats.completed(outcome);
		this.log.write(outcome);
	}

}
