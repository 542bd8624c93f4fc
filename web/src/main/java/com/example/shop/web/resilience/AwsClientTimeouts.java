package com.example.shop.web.resilience;

import com.example.shop.aws.CallLimits;
import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;

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
		CallLimits limits = new CallLimits(timeouts.sqsAttemptTimeout(), timeouts.sqsCallTimeout());
		return (builder) -> builder.overrideConfiguration(limits.applyTo(builder.overrideConfiguration()));
	}

	@Bean
	S3ClientCustomizer s3Timeouts(AwsTimeoutProperties timeouts) {
		CallLimits limits = new CallLimits(timeouts.s3AttemptTimeout(), timeouts.s3CallTimeout());
		return (builder) -> builder.overrideConfiguration(limits.applyTo(builder.overrideConfiguration()));
	}

}
