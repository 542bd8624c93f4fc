package com.example.shop.web;

import com.example.shop.testsupport.OutsideTests;
import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Starts the web tier on this machine against the test servers (PostgreSQL, ElasticMQ,
 * S3Proxy), started for it: run {@code main} from an IDE to try the API without
 * installing anything.
 */
public final class TestWebApplication {

	private TestWebApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(WebApplication::main)
			.with(TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class,
					OutsideTests.class)
			.run(args);
	}

}
