package com.example.shop.web.resilience;

import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;

import software.amazon.awssdk.core.retry.RetryMode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the timeouts of {@link AwsTimeoutProperties} on the SQS and S3 clients Spring
 * Cloud AWS builds. Retries of AWS calls are the SDK's own (standard mode: 3 attempts,
 * exponential backoff with full jitter, only for errors it knows to be retryable);
 * nothing retries them again on top (rule 5).
 */
@Configuration(proxyBeanMethods = false)
class AwsClientTimeouts {

	@Bean
	SqsAsyncClientCustomizer sqsTimeouts(AwsTimeoutProperties timeouts) {
		return (builder) -> builder.overrideConfiguration(builder.overrideConfiguration()
			.toBuilder()
			.retryStrategy(RetryMode.STANDARD)
			.apiCallAttemptTimeout(timeouts.sqsAttemptTimeout())
			.apiCallTimeout(timeouts.sqsCallTimeout())
			.build());
	}

	@Bean
	S3ClientCustomizer s3Timeouts(AwsTimeoutProperties timeouts) {
		return (builder) -> builder.overrideConfiguration(builder.overrideConfiguration()
			.toBuilder()
			.retryStrategy(RetryMode.STANDARD)
			.apiCallAttemptTimeout(timeouts.s3AttemptTimeout())
			.apiCallTimeout(timeouts.s3CallTimeout())
			.build());
	}

}
