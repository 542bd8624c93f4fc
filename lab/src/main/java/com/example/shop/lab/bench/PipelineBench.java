package com.example.shop.lab.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.SystemWatch;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.load.LoadJar;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.Database;
import com.example.shop.lab.standins.FaultProxies;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * How fast placed orders become receipts in S3, with 1, 2 or 4 workers and no artificial
 * work, against what the SQS server itself can hand out.
 * <p>
 * A batch of orders is placed through the load balancer while no worker runs, so that
 * their messages wait in the queue; then the workers start together, and the rate is read
 * from the orders' own {@code processed_at} times, leaving out the first tenth (processed
 * while the other workers were still starting). The reference is the SQS server's
 * receive-and-delete ceiling, from four clients through the same fault-proxy route the
 * workers use.
 */
final class PipelineBench {

	/** The scratch queue of the SQS ceiling. */
	private static final String QUEUE = "bench";

	/** Receivers of the SQS ceiling, as many as a worker's concurrent polls and more. */
	private static final int RECEIVERS = 4;

	private static final Duration PROCESSED_TIMEOUT = Duration.ofMinutes(5);

	private final Topology topology;

	private final Secrets secrets;

	private final Path folder;

	private final PrintWriter out;

	PipelineBench(Topology topology, Secrets secrets, Path folder, PrintWriter out) {
		this.topology = topology;
		this.secrets = secrets;
		this.folder = folder;
		this.out = out;
	}

	/**
	 * The SQS server's own ceiling: messages received and deleted per second.
	 * @param messages how many to send first, then receive and delete
	 * @return messages per second
	 */
	double sqsCeiling(int messages) {
		try (SqsClient sqs = AwsClients.sqs(FaultProxies.sqsEndpoint())) {
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
				double seconds = (System.nanoTime() - start) / 1e9;
				double perSecond = received.get() / seconds;
				this.out.printf("  SQS server: %d messages received and deleted in %.1f s: %.0f/s%n", received.get(),
						seconds, perSecond);
				return perSecond;
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
	 * Orders per second from the queue to receipts in S3 with this many workers.
	 * @param workers how many workers
	 * @param orders how many orders to place
	 * @param rate orders per second to place them at, one the web tier sustains
	 * @return the result
	 */
	PipelineStep withWorkers(int workers, int orders, int rate) {
		this.topology.scale("worker", 0);
		Path record = this.folder.resolve("pipeline-" + workers + ".jsonl");
		Duration placing = Duration.ofMillis(orders * 1000L / rate);
		LoadJar.of(this.topology.paths(), rate, placing, record)
			.start(this.out, "    ")
			.awaitEnd(placing.plus(Duration.ofSeconds(60)));
		List<UUID> placed = ClientRecord.read(record)
			.stream()
			.filter(ClientRecord::acknowledged)
			.map(ClientRecord::orderId)
			.toList();
		if (!Processes.await(Duration.ofSeconds(60), () -> SystemWatch.outboxPending(this.secrets) == 0)) {
			throw new LabException("the outbox relay did not send the placed orders within 60 s");
		}
		this.out.printf("  %d orders waiting in the queue; starting %d worker%s%n", placed.size(), workers,
				(workers == 1) ? "" : "s");
		this.topology.scale("worker", workers);
		if (!Processes.await(PROCESSED_TIMEOUT, () -> processedTimes(placed).size() == placed.size())) {
			throw new LabException("the workers did not process the " + placed.size() + " orders within "
					+ PROCESSED_TIMEOUT.toMinutes() + " min");
		}
		PipelineStep step = PipelineStep.of(workers, processedTimes(placed));
		this.out.printf("  %d worker%s: %.1f orders/s to a receipt in S3%n", workers, (workers == 1) ? "" : "s",
				step.ordersPerSecond());
		return step;
	}

	private List<Long> processedTimes(List<UUID> orders) {
		try (Connection db = DriverManager.getConnection(Database.jdbcUrl(), "orders", this.secrets.databasePassword());
				PreparedStatement query = db.prepareStatement(
						"SELECT processed_at FROM orders WHERE id = ANY(?) AND status = 'PROCESSED' ORDER BY processed_at")) {
			Array ids = db.createArrayOf("uuid", orders.toArray());
			query.setArray(1, ids);
			List<Long> times = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					Timestamp at = rows.getTimestamp(1);
					times.add(at.getTime());
				}
			}
			return times;
		}
		catch (SQLException ex) {
			throw new LabException("could not read the orders' processing times: " + ex.getMessage());
		}
	}

	/**
	 * The pipeline with some number of workers.
	 *
	 * @param workers how many
	 * @param orders orders processed
	 * @param ordersPerSecond the rate, after the first tenth
	 */
	record PipelineStep(int workers, int orders, double ordersPerSecond) {

		/**
		 * The rate from processing times, leaving out the first tenth.
		 * @param workers how many workers
		 * @param processedAt when each order was processed, ascending, epoch ms
		 * @return the step
		 */
		static PipelineStep of(int workers, List<Long> processedAt) {
			int first = processedAt.size() / 10;
			int counted = processedAt.size() - 1 - first;
			long span = processedAt.getLast() - processedAt.get(first);
			double perSecond = (counted > 0) ? counted * 1000.0 / Math.max(1, span) : 0;
			return new PipelineStep(workers, processedAt.size(), perSecond);
		}

	}

}
