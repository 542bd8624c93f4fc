package com.example.shop.load;

import java.time.Duration;
import java.util.Locale;

/**
 * Why a request got no HTTP answer at all. Gatling marks such a request as failed but
 * does not hand the cause to the scenario, so the kind is told apart by how long the
 * request took: one that lasted its whole timeout timed out, anything quicker was a
 * connection failure (refused, reset or closed before the answer was complete).
 */
enum ErrorKind {

	/** Refused, reset or closed before a complete answer arrived. */
	CONN,

	/** No complete answer within the request timeout. */
	TIMEOUT;

	/**
	 * A little below the timeout, so that a timer firing a few milliseconds early still
	 * counts as a timeout.
	 */
	private static final double TIMEOUT_SHARE = 0.9;

	static ErrorKind of(Duration elapsed, Duration timeout) {
		return (elapsed.toNanos() >= timeout.toNanos() * TIMEOUT_SHARE) ? TIMEOUT : CONN;
	}

	String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
