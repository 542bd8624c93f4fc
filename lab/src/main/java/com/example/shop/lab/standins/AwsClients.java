package com.example.shop.lab.standins;

import java.net.URI;

import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients on the lab's SQS and S3 stand-ins, for status and for following an order.
 */
public final class AwsClients {

	public static final String QUEUE = "orders";

	public static final String DLQ = "orders-dlq";

	public static final String BUCKET = "receipts";

	private AwsClients() {
	}

	public static SqsClient sqs() {
		return sqs("http://127.0.0.1:" + Ports.SQS);
	}

	/**
	 * A client of the SQS server at another address, e.g. the fault proxy's route.
	 * @param endpoint the endpoint
	 * @return the client
	 */
	public static SqsClient sqs(String endpoint) {
		return SqsClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(credentials())
			.build();
	}

	public static S3Client s3() {
		return S3Client.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + Ports.S3))
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(credentials())
			.build();
	}

	private static StaticCredentialsProvider credentials() {
		return StaticCredentialsProvider
			.create(AwsBasicCredentials.create(Secrets.AWS_ACCESS_KEY, Secrets.AWS_SECRET_KEY));
	}

}
