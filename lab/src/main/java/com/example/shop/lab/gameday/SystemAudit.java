package com.example.shop.lab.gameday;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.Database;
import com.example.shop.lab.standins.ReceiptVersions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What the system stored, read after a scenario has drained: the orders in PostgreSQL for
 * every idempotency key the clients sent, the receipts in S3, what the dead-letter queue
 * holds and what the workers wrote in their logs. Set against the client-side records, it
 * answers the questions a game day asks: was an acknowledged order lost, did a key make
 * two orders, did every order get its receipt, was one processed twice?
 */
final class SystemAudit {

	/** The worker's log line for the one transition to PROCESSED. */
	private static final Pattern PROCESSED = Pattern.compile("Order ([0-9a-f-]{36}) processed, receipt at");

	private final LabPaths paths;

	private final Secrets secrets;

	SystemAudit(LabPaths paths) {
		this.paths = paths;
		this.secrets = Secrets.loadOrCreate(paths);
	}

	/**
	 * Audits what the clients sent.
	 * @param records every request sent, answered or not
	 * @return the findings
	 */
	Findings audit(List<ClientRecord> records) {
		Map<String, List<StoredOrder>> byKey = ordersByKey(records.stream().map(ClientRecord::key).toList());
		Set<String> receipts = receipts();
		Map<UUID, Integer> processed = processedTransitions();
		List<String> lost = new ArrayList<>();
		List<String> unprocessed = new ArrayList<>();
		List<String> processedTwice = new ArrayList<>();
		for (ClientRecord record : records) {
			if (!record.acknowledged() || record.orderId() == null) {
				continue;
			}
			UUID id = record.orderId();
			StoredOrder order = byKey.getOrDefault(record.key(), List.of())
				.stream()
				.filter((stored) -> stored.id().equals(id))
				.findFirst()
				.orElse(null);
			if (order == null) {
				lost.add(id.toString());
			}
			else if (!order.processed() || !receipts.contains(order.receiptKey())) {
				unprocessed.add(id + " (" + order.status()
						+ (order.processed() ? ", receipt missing in S3" : ", no receipt") + ")");
			}
			if (processed.getOrDefault(id, 0) > 1) {
				processedTwice.add(id + " (" + processed.get(id) + " times)");
			}
		}
		List<String> duplicateKeys = byKey.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().size() > 1)
			.map((entry) -> entry.getKey() + " (" + entry.getValue().size() + " orders)")
			.toList();
		int createdByFailed = (int) records.stream()
			.filter((record) -> !record.acknowledged() && byKey.containsKey(record.key()))
			.count();
		return new Findings(lost, duplicateKeys, unprocessed, processedTwice, createdByFailed);
	}

	/**
	 * The bodies of the messages in the dead-letter queue. They are received with a short
	 * visibility timeout and made visible again at once, so they stay where they are.
	 * @return one body per message
	 */
	List<String> deadLetters() {
		try (SqsClient sqs = AwsClients.sqs()) {
			String url = sqs.getQueueUrl((request) -> request.queueName(AwsClients.DLQ)).queueUrl();
			Map<String, Message> seen = new HashMap<>();
			List<Message> batch;
			do {
				batch = sqs
					.receiveMessage((request) -> request.queueUrl(url)
						.maxNumberOfMessages(10)
						.visibilityTimeout(30)
						.waitTimeSeconds(1))
					.messages();
				batch.forEach((message) -> seen.put(message.messageId(), message));
			}
			while (!batch.isEmpty());
			seen.values()
				.forEach((message) -> sqs.changeMessageVisibility((
						request) -> request.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0)));
			return seen.values().stream().map(Message::body).toList();
		}
	}

	/**
	 * Empties the dead-letter queue, so a scenario sees only what it put there.
	 * @return how many messages it held
	 */
	int purgeDeadLetters() {
		try (SqsClient sqs = AwsClients.sqs()) {
			int depth = AwsClients.depth(sqs, AwsClients.DLQ);
			String url = sqs.getQueueUrl((request) -> request.queueName(AwsClients.DLQ)).queueUrl();
			sqs.purgeQueue((request) -> request.queueUrl(url));
			return depth;
		}
	}

	private Map<String, List<StoredOrder>> ordersByKey(Collection<String> keys) {
		Map<String, List<StoredOrder>> byKey = new HashMap<>();
		try (Connection db = DriverManager.getConnection(Database.jdbcUrl(), "orders", this.secrets.databasePassword());
				PreparedStatement query = db.prepareStatement(
						"SELECT idempotency_key, id, status, receipt_key FROM orders WHERE idempotency_key = ANY(?)")) {
			Array array = db.createArrayOf("text", keys.toArray());
			query.setArray(1, array);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					byKey.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>())
						.add(new StoredOrder(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
				}
			}
			return byKey;
		}
		catch (SQLException ex) {
			throw new LabException("could not read the orders from PostgreSQL: " + ex.getMessage());
		}
	}

	/**
	 * The receipts there now: in the versioned bucket, those whose latest version is not
	 * a delete marker (see {@link ReceiptVersions#current}).
	 */
	private Set<String> receipts() {
		try (S3Client s3 = AwsClients.s3()) {
			return ReceiptVersions.current(s3);
		}
	}

	/**
	 * How many times each order moved to PROCESSED, from every worker's log (the logs
	 * outlive the workers: a killed worker's log is still there).
	 */
	private Map<UUID, Integer> processedTransitions() {
		Map<UUID, Integer> counts = new HashMap<>();
		try (Stream<Path> logs = Files.list(this.paths.logs())) {
			for (Path log : logs.filter((file) -> file.getFileName().toString().startsWith("worker-")).toList()) {
				try (Stream<String> lines = Files.lines(log)) {
					lines.forEach((line) -> {
						Matcher matcher = PROCESSED.matcher(line);
						if (matcher.find()) {
							counts.merge(UUID.fromString(matcher.group(1)), 1, Integer::sum);
						}
					});
				}
			}
			return counts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What was found.
	 *
	 * @param lost acknowledged orders that do not exist
	 * @param duplicateKeys idempotency keys that made more than one order
	 * @param unprocessed acknowledged orders not PROCESSED or without their receipt
	 * @param processedTwice orders that moved to PROCESSED more than once
	 * @param createdByFailed requests the client saw fail whose key made an order anyway
	 * (allowed: the client cannot know, and retrying the key finds the order)
	 */
	record Findings(List<String> lost, List<String> duplicateKeys, List<String> unprocessed,
			List<String> processedTwice, int createdByFailed) {
	}

	private record StoredOrder(UUID id, String status, @Nullable String receiptKey) {

		boolean processed() {
			return "PROCESSED".equals(this.status);
		}

	}

}
