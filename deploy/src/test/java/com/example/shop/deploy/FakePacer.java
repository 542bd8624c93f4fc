package com.example.shop.deploy;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when the deployment sleeps, by exactly what it slept. */
final class FakePacer implements Pacer {

	private static final Instant START = Instant.parse("2030-01-01T09:00:00Z");

	private Instant now = START;

	@Override
	public Instant now() {
		return this.now;
	}

	@Override
	public void sleep(Duration duration) {
		this.now = this.now.plus(duration);
	}

	Duration elapsed() {
		return Duration.between(START, this.now);
	}

}
