package com.example.shop.worker.receipts;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where receipts come from and go to, and how long storing one may take. The defaults are
 * in {@code application.yml}; the values are checked at startup, so a worker with a blank
 * queue or bucket name never starts rather than failing on every message.
 *
 * @param queue the SQS queue of {@code OrderPlaced} messages
 * @param bucket the S3 bucket receipts are written to
 * @param artificialDelay extra time spent on each receipt, zero in production: demos and
 * labs raise it to build a visible backlog
 * @param s3AttemptTimeout the longest one S3 request may take before the SDK gives up on
 * it and retries
 * @param s3CallTimeout the longest one S3 call may take, all retries included; keep it
 * well below the queue's visibility timeout
 * @param redeliveryBase how long a failed message stays invisible after its first
 * receive; each further receive doubles it
 * @param redeliveryCap the longest a failed message stays invisible
 * @param shutdownTimeout how long a stopping worker waits for messages in progress
 * @param sqsAttemptTimeout the longest one SQS request may take (a long-poll receive
 * included)
 * @param sqsCallTimeout the longest one SQS call may take, retries included
 */
@Validated
@ConfigurationProperties("orders.receipts")
record ReceiptsProperties(@NotBlank String queue, @NotBlank String bucket,
		@NotNull @DurationMin(nanos = 0) Duration artificialDelay,
		@NotNull @DurationMin(millis = 100) Duration s3AttemptTimeout,
		@NotNull @DurationMin(millis = 100) Duration s3CallTimeout,
		@NotNull @DurationMin(seconds = 1) Duration redeliveryBase,
		@NotNull @DurationMin(seconds = 1) Duration redeliveryCap, @NotNull Duration shutdownTimeout,
		@NotNull Duration sqsAttemptTimeout, @NotNull Duration sqsCallTimeout) {

}
