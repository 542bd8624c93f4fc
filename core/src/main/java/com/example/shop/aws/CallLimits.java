package com.example.shop.aws;

import java.time.Duration;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * The limits every AWS client in this project gets (rules 4 and 5): a timeout for one
 * HTTP attempt, a timeout for the whole call with its retries, and the SDK's standard
 * retry mode (3 attempts, exponential backoff with jitter, only for errors the SDK knows
 * to be retryable), set explicitly because the SDK's default is still its legacy mode.
 *
 * @param attemptTimeout the longest one attempt may take
 * @param callTimeout the longest the call may take, retries included
 */
public record CallLimits(Duration attemptTimeout, Duration callTimeout) {

	/**
	 * A client's configuration with these limits added.
	 * @param existing what the client was to be configured with
	 * @return the same, bounded
	 */
	public ClientOverrideConfiguration applyTo(ClientOverrideConfiguration existing) {
		return existing.toBuilder()
			.retryStrategy(RetryMode.STANDARD)
			.apiCallAttemptTimeout(this.attemptTimeout)
			.apiCallTimeout(this.callTimeout)
			.build();
	}

}
