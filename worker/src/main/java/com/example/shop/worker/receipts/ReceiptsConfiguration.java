package com.example.shop.worker.receipts;

import com.example.shop.aws.CallLimits;
import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
		CallLimits limits = new CallLimits(properties.sqsAttemptTimeout(), properties.sqsCallTimeout());
		return (builder) -> builder.overrideConfiguration(limits.applyTo(builder.overrideConfiguration()));
	}

	@Bean
	S3ClientCustomizer receiptsS3Timeouts(ReceiptsProperties properties) {
		CallLimits limits = new CallLimits(properties.s3AttemptTimeout(), properties.s3CallTimeout());
		return (builder) -> builder.overrideConfiguration(limits.applyTo(builder.overrideConfiguration()));
	}

}
