package com.example.shop.web.resilience;

import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;

/**
 * Exponential backoff with full jitter: before retry {@code n} wait a random time between
 * 0 and {@code min(cap, base * 2^n)}. The randomness spreads the retries of many clients
 * that failed at the same moment (a database failover fails them all at once), so they do
 * not return in lockstep. This is the variant AWS's architecture blog measured as doing
 * the least work for the same completion time; Resilience4j's own randomized backoff only
 * varies each wait by a fraction around its mean, so it is written here, in a few lines.
 */
public class FullJitterBackoff implements IntervalBiFunction<Object> {

	static final long BASE_MILLIS = 100;

	static final long CAP_MILLIS = 2_000;

	@Override
	public Long apply(Integer attempt, Either<Throwable, Object> outcome) {
		long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 20));
		return ThreadLocalRandom.current().nextLong(ceiling + 1);
	}

}
