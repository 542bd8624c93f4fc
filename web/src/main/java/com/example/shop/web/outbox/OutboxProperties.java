package com.example.shop.web.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay works.
 *
 * @param queue the SQS queue events go to
 * @param pollInterval the pause between relay runs when the outbox is empty
 * @param batchSize events per SQS batch; SQS takes at most 10
 * @param retention how long sent events are kept, for inspection, before they are deleted
 */
@Validated
@ConfigurationProperties("orders.outbox")
record OutboxProperties(@NotBlank String queue, @NotNull Duration pollInterval, @Positive @Max(10) int batchSize,
		@NotNull Duration retention) {
}
