package com.example.shop.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the application's S3 client at the shared test object store. */
@TestConfiguration(proxyBeanMethods = false)
public class TestBucketConfiguration {

	@Bean
	DynamicPropertyRegistrar testBucketProperties() {
		return (registry) -> {
			TestAws.registerCommonProperties(registry);
			registry.add("spring.cloud.aws.s3.endpoint", () -> TestBucket.get().endpoint());
			registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
		};
	}

}
