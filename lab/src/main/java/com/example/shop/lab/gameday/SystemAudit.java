package com.example.shop.lab.gameday;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.probe.OrdersProbe;
import com.example.shop.lab.probe.SystemProbe;

/**
 * What the system stored, read after a scenario has drained: the orders in PostgreSQL for
 * every idempotency key the clients sent, the receipts in S3, what the dead-letter queue
 * holds and what the workers wrote in their logs. Set against the client-side records, it
 * answers the questions a game day asks: was an acknowledged order lost, did a key make
 * two orders, did every order get its receipt, was one processed twice?
 */
final class SystemAudit {

	private final LabPaths paths;

	SystemAudit(LabPaths paths) {
		this.paths = paths;
	}

	/**
	 * Audits what the clients sent.
	 * @param records every request sent, answered or not
	 * @return the findings
	 */
	Findings audit(List<ClientRecord> records) {
		Map<String, List<OrdersProbe.StoredOrder>> byKey;
		Set<String> receipts;
		Map<UUID, Integer> processed;
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			byKey = probe.orders().byKey(records.stream().map(ClientRecord::key).toList());
			receipts = probe.bucket().receipts();
			processed = probe.processedTransitions();
		}
		List<String> lost = new ArrayList<>();
		List<String> unprocessed = new ArrayList<>();
		List<String> processedTwice = new ArrayList<>();
		for (ClientRecord record : records) {
			if (!record.acknowledged() || record.orderId() == null) {
				continue;
			}
			UUID id = record.orderId();
			OrdersProbe.StoredOrder order = byKey.getOrDefault(record.key(), List.of())
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
	 * The bodies of the messages in the dead-letter queue, left where they are.
	 * @return one body per message
	 */
	List<String> deadLetters() {
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			return probe.queues().deadLetters();
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

}
