package com.example.shop.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the application's SQS client at the shared test queue server. */
@TestConfiguration(proxyBeanMethods = false)
public class TestQueueConfiguration {

	@Bean
	DynamicPropertyRegistrar testQueueProperties() {
		return (registry) -> {
			TestAws.registerCommonProperties(registry);
			registry.add("spring.cloud.aws.sqs.endpoint", () -> TestQueues.get().endpoint());
		};
	}

}
