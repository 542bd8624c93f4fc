package com.example.shop.web.resilience;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Timeouts of the web tier's AWS calls (rule 4). An attempt is one HTTP request; a call
 * is all attempts, including the SDK's retries.
 *
 * @param sqsAttemptTimeout one SendMessageBatch request
 * @param sqsCallTimeout one relay batch, retries included
 * @param s3AttemptTimeout one GetObject request (a receipt download)
 * @param s3CallTimeout one receipt download, retries included
 */
@Validated
@ConfigurationProperties("orders.aws")
record AwsTimeoutProperties(@NotNull Duration sqsAttemptTimeout, @NotNull Duration sqsCallTimeout,
		@NotNull Duration s3AttemptTimeout, @NotNull Duration s3CallTimeout) {
}
