package com.example.shop.testsupport;

import java.util.Map;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One ElasticMQ server (the SQS API, in process) for every test in the JVM, with the
 * orders queue and its dead-letter queue set up as in production: after
 * {@value #MAX_RECEIVE_COUNT} receives a message moves to the DLQ. The visibility timeout
 * is short, so a failed message comes back within seconds in tests rather than minutes.
 */
public final class TestQueues {

	/** The orders queue. */
	public static final String ORDERS = "orders";

	/** Its dead-letter queue. */
	public static final String ORDERS_DLQ = "orders-dlq";

	/** Receives before a message is moved to the DLQ, as in production. */
	public static final int MAX_RECEIVE_COUNT = 5;

	/** Seconds before a received, undeleted message can be received again. */
	public static final int VISIBILITY_TIMEOUT_SECONDS = 1;

	private static @Nullable Server server;

	private static @Nullable SQSRestServer running;

	private TestQueues() {
	}

	/**
	 * The running server with its queues, started on first use.
	 * @return where it listens
	 */
	public static synchronized Server get() {
		if (server == null) {
			int port = FreePort.find();
			server = new Server("http://127.0.0.1:" + port, port);
			start(port);
			Runtime.getRuntime().addShutdownHook(new Thread(TestQueues::stop));
		}
		return server;
	}

	/**
	 * Stops the server, as an SQS outage would: connections are refused until
	 * {@link #restart()}. Messages in the queues are lost with it, as ElasticMQ keeps
	 * them in memory.
	 */
	public static synchronized void stop() {
		if (running != null) {
			running.stopAndWait();
			running = null;
		}
	}

	/** Starts the server again on the same port, with empty queues. */
	public static synchronized void restart() {
		stop();
		start(get().port());
	}

	private static void start(int port) {
		SQSRestServer sqs = SQSRestServerBuilder.withInterface("127.0.0.1")
			.withPort(port)
			.withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
			.start();
		sqs.waitUntilStarted();
		running = sqs;
		createQueues();
	}

	private static void createQueues() {
		try (SqsClient sqs = TestAws.sqsClient()) {
			String dlqUrl = sqs.createQueue((request) -> request.queueName(ORDERS_DLQ)).queueUrl();
			String dlqArn = sqs
				.getQueueAttributes((request) -> request.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
				.attributes()
				.get(QueueAttributeName.QUEUE_ARN);
			String redrivePolicy = "{\"maxReceiveCount\":\"%d\",\"deadLetterTargetArn\":\"%s\"}"
				.formatted(MAX_RECEIVE_COUNT, dlqArn);
			sqs.createQueue((request) -> request.queueName(ORDERS)
				.attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrivePolicy,
						QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(VISIBILITY_TIMEOUT_SECONDS))));
		}
	}

	/**
	 * Empties both queues, for a test that counts messages.
	 */
	public static void purge() {
		try (SqsClient sqs = TestAws.sqsClient()) {
			for (String queue : new String[] { ORDERS, ORDERS_DLQ }) {
				String url = sqs.getQueueUrl((request) -> request.queueName(queue)).queueUrl();
				sqs.purgeQueue((request) -> request.queueUrl(url));
			}
		}
	}

	/**
	 * The number of messages in a queue, visible or in flight.
	 * @param queue the queue's name
	 * @return its depth
	 */
	public static int depth(String queue) {
		try (SqsClient sqs = TestAws.sqsClient()) {
			String url = sqs.getQueueUrl((request) -> request.queueName(queue)).queueUrl();
			Map<QueueAttributeName, String> attributes = sqs
				.getQueueAttributes((request) -> request.queueUrl(url)
					.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
							QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
				.attributes();
			return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
					+ Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
		}
	}

	/**
	 * Where the test queue server listens.
	 *
	 * @param endpoint its base URL
	 * @param port its port on the loopback interface
	 */
	public record Server(String endpoint, int port) {
	}

}
