package com.example.shop.lab.process;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import com.example.shop.lab.host.LabException;

/**
 * Waiting for the lab: a condition polled every 200 ms until a deadline, and a sleep that
 * turns an interrupt (Ctrl-C) into the end of the command.
 */
public final class Await {

	private static final Duration POLL = Duration.ofMillis(200);

	private Await() {
	}

	/**
	 * Waits until a condition holds.
	 * @param timeout the longest wait
	 * @param condition what to wait for
	 * @return whether it held in time
	 */
	public static boolean until(Duration timeout, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			sleep(POLL);
		}
		return true;
	}

	/**
	 * Sleeps.
	 * @param duration how long
	 * @throws LabException if interrupted
	 */
	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted");
		}
	}

}
