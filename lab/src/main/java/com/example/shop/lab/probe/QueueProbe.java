package com.example.shop.lab.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.example.shop.lab.standins.AwsClients;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS stand-in's queues as the lab sees them, straight from the server (not through
 * the fault proxy): how many messages wait or are being processed, and what the
 * dead-letter queue holds.
 */
public final class QueueProbe implements AutoCloseable {

	private @Nullable SqsClient sqs;

	QueueProbe() {
	}

	/**
	 * Messages in a queue, visible and in flight.
	 * @param queue e.g. {@link AwsClients#QUEUE}
	 * @return the depth, or empty when the server does not answer
	 */
	public OptionalInt depth(String queue) {
		return count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
				QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
	}

	/**
	 * Messages received by a consumer and not yet deleted: what the workers hold.
	 * @param queue the queue
	 * @return the count, or empty when the server does not answer
	 */
	public OptionalInt inFlight(String queue) {
		return count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
	}

	private synchronized OptionalInt count(String queue, QueueAttributeName... names) {
		try {
			SqsClient client = client();
			String url = client.getQueueUrl((request) -> request.queueName(queue)).queueUrl();
			Map<QueueAttributeName, String> attributes = client
				.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(names))
				.attributes();
			int total = 0;
			for (QueueAttributeName name : names) {
				total += Integer.parseInt(attributes.get(name));
			}
			return OptionalInt.of(total);
		}
		catch (RuntimeException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * The bodies of the messages in the dead-letter queue. They are received with a short
	 * visibility timeout and made visible again at once, so they stay where they are.
	 * @return one body per message
	 */
	public synchronized List<String> deadLetters() {
		SqsClient client = client();
		String url = client.getQueueUrl((request) -> request.queueName(AwsClients.DLQ)).queueUrl();
		Map<String, Message> seen = new HashMap<>();
		List<Message> batch;
		do {
			batch = client.receiveMessage(
					(request) -> request.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(30).waitTimeSeconds(1))
				.messages();
			batch.forEach((message) -> seen.put(message.messageId(), message));
		}
		while (!batch.isEmpty());
		seen.values()
			.forEach((message) -> client.changeMessageVisibility(
					(request) -> request.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0)));
		return seen.values().stream().map(Message::body).toList();
	}

	private SqsClient client() {
		if (this.sqs == null) {
			this.sqs = AwsClients.sqs();
		}
		return this.sqs;
	}

	@Override
	public synchronized void close() {
		if (this.sqs != null) {
			this.sqs.close();
			this.sqs = null;
		}
	}

}
