package com.example.shop.worker.receipts;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedeliveryBackoffTests {

	private final RedeliveryBackoff backoff = new RedeliveryBackoff(Duration.ofSeconds(4), Duration.ofSeconds(60));

	@Test
	void waitDoublesWithEachReceiveWithinHalfToAllOfTheCeiling() {
		for (int i = 0; i < 200; i++) {
			assertThat(this.backoff.visibilitySeconds(1)).isBetween(2, 4);
			assertThat(this.backoff.visibilitySeconds(2)).isBetween(4, 8);
			assertThat(this.backoff.visibilitySeconds(3)).isBetween(8, 16);
			assertThat(this.backoff.visibilitySeconds(4)).isBetween(16, 32);
		}
	}

	@Test
	void waitNeverExceedsTheCap() {
		for (int receive = 5; receive < 40; receive++) {
			assertThat(this.backoff.visibilitySeconds(receive)).isBetween(30, 60);
		}
	}

	@Test
	void fourFailedReceivesSpanAtLeastThirtySeconds() {
		int total = 0;
		for (int receive = 1; receive <= 4; receive++) {
			total += this.backoff.visibilitySeconds(receive);
		}

		assertThat(total).isGreaterThanOrEqualTo(30);
	}

}
