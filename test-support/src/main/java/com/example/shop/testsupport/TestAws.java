package com.example.shop.testsupport;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the test servers for SQS and S3 have in common: a region and a pair of
 * credentials, which the local servers accept and do not check. They are not secrets.
 */
public final class TestAws {

	static final String REGION = "us-east-1";

	static final String ACCESS_KEY = "local-test";

	static final String SECRET_KEY = "local-test-secret";

	private TestAws() {
	}

	static void registerCommonProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.aws.region.static", () -> REGION);
		registry.add("spring.cloud.aws.credentials.access-key", () -> ACCESS_KEY);
		registry.add("spring.cloud.aws.credentials.secret-key", () -> SECRET_KEY);
	}

	/**
	 * A plain SQS client on the test queue server, for tests that look at or feed queues.
	 * @return a new client; close it
	 */
	public static SqsClient sqsClient() {
		return SqsClient.builder()
			.endpointOverride(URI.create(TestQueues.get().endpoint()))
			.region(Region.of(REGION))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

	/**
	 * A plain S3 client on the test object store, for tests that look at the bucket.
	 * @return a new client; close it
	 */
	public static S3Client s3Client() {
		return S3Client.builder()
			.endpointOverride(URI.create(TestBucket.get().endpoint()))
			.forcePathStyle(true)
			.region(Region.of(REGION))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

}
