package com.example.shop.deploy;

import java.time.Duration;
import java.time.Instant;

/**
 * The deployment's sense of time: the system clock and {@link Thread#sleep} in use, a
 * clock that jumps in the state machine's tests, so that timeouts are tested without
 * waiting for them.
 */
public interface Pacer {

	/** The real clock. */
	Pacer SYSTEM = new Pacer() {

		@Override
		public Instant now() {
			return Instant.now();
		}

		@Override
		public void sleep(Duration duration) {
			try {
				Thread.sleep(duration);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}

	};

	Instant now();

	void sleep(Duration duration);

}
