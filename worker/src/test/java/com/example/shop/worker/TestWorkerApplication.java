package com.example.shop.worker;

import com.example.shop.testsupport.OutsideTests;
import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the worker on a laptop against the same servers the tests use: PostgreSQL,
 * ElasticMQ (with the orders queue and its dead-letter queue) and S3Proxy, all started in
 * or beside this JVM. Nothing else needs to be installed.
 */
public final class TestWorkerApplication {

	private TestWorkerApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(WorkerApplication::main)
			.with(TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class,
					OutsideTests.class)
			.run(args);
	}

}
