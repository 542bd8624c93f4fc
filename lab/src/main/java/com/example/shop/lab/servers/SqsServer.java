package com.example.shop.lab.servers;

import java.net.URI;
import java.util.Map;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The lab's SQS: ElasticMQ on 127.0.0.1, with the orders queue and its dead-letter queue
 * set up as the CDK app sets them up on AWS (redrive after 5 receives). Usage:
 * {@code SqsServer PORT QUEUE DLQ MAX_RECEIVES VISIBILITY_SECONDS}.
 */
public final class SqsServer {

	private SqsServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		int port = Integer.parseInt(args[0]);
		var server = SQSRestServerBuilder.withInterface("127.0.0.1")
			.withPort(port)
			.withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
			.start();
		server.waitUntilStarted();
		createQueues(port, args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
		System.out.println("SQS (ElasticMQ) listening on http://127.0.0.1:" + port);
		Thread.currentThread().join();
	}

	private static void createQueues(int port, String queue, String dlq, int maxReceives, int visibilitySeconds) {
		try (SqsClient sqs = SqsClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + port))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("lab", "lab")))
			.build()) {
			String dlqUrl = sqs.createQueue((request) -> request.queueName(dlq)).queueUrl();
			String dlqArn = sqs
				.getQueueAttributes((request) -> request.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
				.attributes()
				.get(QueueAttributeName.QUEUE_ARN);
			String redrive = "{\"maxReceiveCount\":\"%d\",\"deadLetterTargetArn\":\"%s\"}".formatted(maxReceives,
					dlqArn);
			sqs.createQueue((request) -> request.queueName(queue)
				.attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive, QueueAttributeName.VISIBILITY_TIMEOUT,
						String.valueOf(visibilitySeconds))));
		}
	}

}
