package com.example.shop.worker.receipts;

import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import software.amazon.awssdk.core.retry.RetryMode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link ReceiptsProperties} and bounds the S3 and SQS clients Spring Cloud AWS
 * builds: the SDK's defaults let one call with its retries outlast the message's
 * visibility timeout, after which a second worker would start on the same order.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReceiptsProperties.class)
class ReceiptsConfiguration {

	/**
	 * Bounds the SQS client's calls. An attempt must outlast the listener's long poll,
	 * which holds a receive open for up to {@code poll-timeout} by design.
	 */
	@Bean
	SqsAsyncClientCustomizer receiptsSqsTimeouts(ReceiptsProperties properties) {
		return (builder) -> builder.overrideConfiguration(builder.overrideConfiguration()
			.toBuilder()
			.retryStrategy(RetryMode.STANDARD)
			.apiCallAttemptTimeout(properties.sqsAttemptTimeout())
			.apiCallTimeout(properties.sqsCallTimeout())
			.build());
	}

	@Bean
	S3ClientCustomizer receiptsS3Timeouts(ReceiptsProperties properties) {
		return (builder) -> builder.overrideConfiguration(builder.overrideConfiguration()
			.toBuilder()
			.retryStrategy(RetryMode.STANDARD)
			.apiCallAttemptTimeout(properties.s3AttemptTimeout())
			.apiCallTimeout(properties.s3CallTimeout())
			.build());
	}

}
