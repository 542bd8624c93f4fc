package com.example.shop.web.resilience;

import java.util.HashSet;
import java.util.Set;

import io.github.resilience4j.core.functions.Either;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FullJitterBackoffTests {

	private final FullJitterBackoff backoff = new FullJitterBackoff();

	@Test
	void waitsAtMostTheExponentialCeilingOfEachAttempt() {
		for (int attempt = 1; attempt <= 10; attempt++) {
			long ceiling = Math.min(FullJitterBackoff.CAP_MILLIS, FullJitterBackoff.BASE_MILLIS << attempt);
			for (int i = 0; i < 200; i++) {
				assertThat(this.backoff.apply(attempt, Either.left(new RuntimeException()))).isBetween(0L, ceiling);
			}
		}
	}

	@Test
	void spreadsTheWaitsOverTheWholeRange() {
		Set<Long> waits = new HashSet<>();

		for (int i = 0; i < 200; i++) {
			waits.add(this.backoff.apply(3, Either.left(new RuntimeException())));
		}

		assertThat(waits).hasSizeGreaterThan(50);
		assertThat(waits.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(200);
		assertThat(waits.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(600);
	}

}
