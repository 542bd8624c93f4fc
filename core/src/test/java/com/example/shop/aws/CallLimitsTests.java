package com.example.shop.aws;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;

import static org.assertj.core.api.Assertions.assertThat;

class CallLimitsTests {

	@Test
	void boundsTheAttemptAndTheCallAndKeepsWhatWasConfigured() {
		ClientOverrideConfiguration existing = ClientOverrideConfiguration.builder()
			.putHeader("X-Test", "kept")
			.build();

		ClientOverrideConfiguration limited = new CallLimits(Duration.ofSeconds(3), Duration.ofSeconds(8))
			.applyTo(existing);

		assertThat(limited.apiCallAttemptTimeout()).contains(Duration.ofSeconds(3));
		assertThat(limited.apiCallTimeout()).contains(Duration.ofSeconds(8));
		assertThat(limited.retryMode()).contains(RetryMode.STANDARD);
		assertThat(limited.headers()).containsKey("X-Test");
	}

}
