package com.example.shop.lab.standins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.example.shop.lab.host.LabException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What the SQS stand-in itself can hand out: a scratch queue filled with messages, then
 * received and deleted in batches of 10 by four clients at once (as many as a worker's
 * concurrent polls and more), timed. The bench sets the pipeline's rate beside it.
 */
public final class QueueCeiling {

	/** The scratch queue. */
	private static final String QUEUE = "bench";

	private static final int RECEIVERS = 4;

	private final String endpoint;

	/**
	 * @param endpoint where to reach the SQS server, e.g. through the fault proxy's route
	 */
	public QueueCeiling(String endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Sends, then receives and deletes, a number of messages.
	 * @param messages how many
	 * @return how many were received and how long it took
	 */
	public Result measure(int messages) {
		try (SqsClient sqs = AwsClients.sqs(this.endpoint)) {
			String url = sqs.createQueue((request) -> request.queueName(QUEUE)).queueUrl();
			try {
				sqs.purgeQueue((request) -> request.queueUrl(url));
				for (int sent = 0; sent < messages; sent += 10) {
					int from = sent;
					List<SendMessageBatchRequestEntry> batch = IntStream.range(from, Math.min(from + 10, messages))
						.mapToObj((i) -> SendMessageBatchRequestEntry.builder()
							.id("m" + i)
							.messageBody("{\"orderId\":\"" + UUID.randomUUID() + "\"}")
							.build())
						.toList();
					sqs.sendMessageBatch((request) -> request.queueUrl(url).entries(batch));
				}
				AtomicInteger received = new AtomicInteger();
				long start = System.nanoTime();
				List<Thread> receivers = new ArrayList<>();
				for (int i = 0; i < RECEIVERS; i++) {
					receivers.add(Thread.ofVirtual().start(() -> receiveAndDelete(sqs, url, received, messages)));
				}
				for (Thread receiver : receivers) {
					receiver.join(Duration.ofMinutes(2));
				}
				return new Result(received.get(), (System.nanoTime() - start) / 1e9);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LabException("interrupted while measuring the SQS server");
			}
			finally {
				sqs.deleteQueue((request) -> request.queueUrl(url));
			}
		}
	}

	private static void receiveAndDelete(SqsClient sqs, String url, AtomicInteger received, int expected) {
		int empty = 0;
		while (received.get() < expected && empty < 3) {
			List<Message> messages = sqs
				.receiveMessage((request) -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
				.messages();
			if (messages.isEmpty()) {
				empty++;
				continue;
			}
			empty = 0;
			sqs.deleteMessageBatch((request) -> request.queueUrl(url)
				.entries(messages.stream()
					.map((m) -> DeleteMessageBatchRequestEntry.builder()
						.id(m.messageId())
						.receiptHandle(m.receiptHandle())
						.build())
					.toList()));
			received.addAndGet(messages.size());
		}
	}

	/**
	 * What one measurement saw.
	 *
	 * @param received messages received and deleted
	 * @param seconds how long that took
	 */
	public record Result(int received, double seconds) {

		public double perSecond() {
			return this.received / this.seconds;
		}

	}

}
