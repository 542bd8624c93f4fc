package com.example.shop.load;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prints one line per second while a run goes on, from its own thread at a fixed rate, so
 * the lines keep coming (and show the stall) even when no answer does. The last, partial
 * second is printed when the run stops, if anything happened in it.
 */
final class SecondReporter {

	private final LiveStats stats;

	private final OutcomeLog log;

	private final PrintStream out;

	private final boolean quiet;

	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "load-reporter");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean stopped = new AtomicBoolean();

	/** Only touched by the clock's thread, then by {@link #stop()} once that is done. */
	private long seconds;

	SecondReporter(LiveStats stats, OutcomeLog log, PrintStream out, boolean quiet) {
		this.stats = stats;
		this.log = log;
		this.out = out;
		this.quiet = quiet;
	}

	/** Starts the clock: called as Gatling starts sending. */
	void start() {
		this.clock.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
	}

	/** Stops the clock and prints the partial second. Safe to call more than once. */
	void stop() {
		if (!this.stopped.compareAndSet(false, true)) {
			return;
		}
		this.clock.shutdown();
		awaitLastTick();
		Tally rest = this.stats.closeSecond();
		if (!rest.isEmpty()) {
			print(rest.secondLine(++this.seconds));
		}
		this.log.flush();
	}

	private void tick() {
		this.seconds++;
		print(this.stats.closeSecond().secondLine(this.seconds));
		this.log.flush();
	}

	private void print(String line) {
		if (!this.quiet) {
			this.out.println(line);
			this.out.flush();
		}
	}

	private void awaitLastTick() {
		try {
			this.clock.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
