package com.example.shop.lab.probe;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import org.jspecify.annotations.Nullable;

/**
 * What the orders schema holds, read-only: the one place in the lab with SQL against the
 * product's tables ({@code orders}, {@code order_lines}, {@code outbox}, from
 * {@code core}'s migrations). Game days audit with it, the monitor counts the outbox with
 * it, {@code bin/lab order} follows an order with it, the bench times the pipeline with
 * it, and a restore is validated with it against the live primary. Each read goes to the
 * node asked for, or to whichever node is primary now.
 */
public final class OrdersProbe {

	/**
	 * An audit reads thousands of orders; still, a node that hangs must not hang the lab.
	 */
	private static final Duration READ = Duration.ofSeconds(10);

	/**
	 * The columns that identify an order and never change once it is written; status,
	 * {@code processed_at} and {@code receipt_key} move after a restore point.
	 */
	private static final String IDENTITY = "id::text || '|' || idempotency_key || '|' || customer_email || '|' "
			+ "|| total_cents || '|' || (extract(epoch FROM created_at) * 1000000)::bigint";

	private final DatabaseProbe database;

	OrdersProbe(DatabaseProbe database) {
		this.database = database;
	}

	/**
	 * Events stored with their order and not yet sent to SQS, counted on the primary.
	 * @return the count, or empty when no node answers as primary
	 */
	public OptionalLong outboxBacklog() {
		Optional<DatabaseNode> primary = this.database.primary();
		if (primary.isEmpty()) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(this.database.query(primary.get(), DatabaseProbe.GLANCE,
					"SELECT count(*) FROM outbox WHERE sent_at IS NULL", (rs) -> rs.getLong(1)));
		}
		catch (SQLException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Orders not processed yet, on the primary.
	 * @return their count, or -1 when no node answers as primary
	 */
	public long accepted() {
		Optional<DatabaseNode> primary = this.database.primary();
		if (primary.isEmpty()) {
			return -1;
		}
		try {
			return this.database.query(primary.get(), DatabaseProbe.GLANCE,
					"SELECT count(*) FROM orders WHERE status = 'ACCEPTED'", (rs) -> rs.getLong(1));
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	/**
	 * Whether the relay has sent an order's {@code OrderPlaced} event.
	 * @param order the order
	 * @return {@code true} once sent; {@code false} while it waits or cannot be read
	 */
	public boolean eventSent(UUID order) {
		try {
			return this.database.with(this.database.requirePrimary(), DatabaseProbe.GLANCE,
					(connection) -> Statements.list(connection,
							"SELECT sent_at IS NOT NULL FROM outbox WHERE aggregate_id = ?", (rs) -> rs.getBoolean(1),
							order))
				.stream()
				.anyMatch(Boolean::booleanValue);
		}
		catch (SQLException | LabException ex) {
			return false;
		}
	}

	/**
	 * The orders made by each idempotency key, on the primary.
	 * @param keys the keys the clients sent
	 * @return the orders of each key that made one
	 */
	public Map<String, List<StoredOrder>> byKey(Collection<String> keys) {
		Map<String, List<StoredOrder>> byKey = new HashMap<>();
		read(this.database.requirePrimary(),
				"SELECT idempotency_key, id, status, receipt_key FROM orders WHERE idempotency_key = ANY(?)",
				(rs) -> Map.entry(rs.getString(1),
						new StoredOrder(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4))),
				(Object) keys.toArray(String[]::new))
			.forEach((row) -> byKey.computeIfAbsent(row.getKey(), (key) -> new ArrayList<>()).add(row.getValue()));
		return byKey;
	}

	/**
	 * When the given orders were processed, those that were.
	 * @param orders the orders
	 * @return epoch milliseconds, ascending
	 */
	public List<Long> processedTimes(List<UUID> orders) {
		return read(this.database.requirePrimary(),
				"SELECT processed_at FROM orders WHERE id = ANY(?) AND status = 'PROCESSED' ORDER BY processed_at",
				(rs) -> rs.getTimestamp(1).getTime(), (Object) orders.toArray(UUID[]::new));
	}

	/**
	 * The receipt keys of the processed orders on a node.
	 * @param node the node: the primary, or a restored cluster
	 * @return the keys
	 */
	public List<String> processedReceiptKeys(DatabaseNode node) {
		return read(node, "SELECT receipt_key FROM orders WHERE status = 'PROCESSED'", (rs) -> rs.getString(1));
	}

	/**
	 * Rows per table of the application's schema on a node.
	 * @param node the node
	 * @return the count of each table, by name
	 */
	public Map<String, Long> tableRows(DatabaseNode node) {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : read(node, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
				(rs) -> rs.getString(1))) {
			rows.put(table, read(node, "SELECT count(*) FROM " + table, (rs) -> rs.getLong(1)).getFirst());
		}
		return rows;
	}

	/**
	 * A checksum over the orders created up to a moment: their count and an md5 of what
	 * identifies each, in id order. Two nodes with the same orders give the same text.
	 * @param node the node
	 * @param cutoff the last creation time counted
	 * @return e.g. {@code 362:5f0e…}
	 */
	public String checksum(DatabaseNode node, Instant cutoff) {
		return read(node,
				"SELECT count(*) || ':' || md5(coalesce(string_agg(" + IDENTITY
						+ ", ',' ORDER BY id), '')) FROM orders WHERE created_at <= ?",
				(rs) -> rs.getString(1), OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.getFirst();
	}

	/**
	 * Every order on a node and when it was created, to the microsecond.
	 * @param node the node
	 * @return creation times by order
	 */
	public Map<UUID, Instant> createdAt(DatabaseNode node) {
		Map<UUID, Instant> orders = new HashMap<>();
		read(node, "SELECT id, (extract(epoch FROM created_at) * 1000000)::bigint FROM orders",
				(rs) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
			.forEach((row) -> orders.put(row.getKey(),
					Instant.ofEpochSecond(row.getValue() / 1_000_000, (row.getValue() % 1_000_000) * 1000)));
		return orders;
	}

	private <T> List<T> read(DatabaseNode node, String sql, Statements.Row<T> row, Object... parameters) {
		try {
			return this.database.with(node, READ, (connection) -> Statements.list(connection, sql, row, parameters));
		}
		catch (SQLException ex) {
			throw new LabException("could not read the orders on " + node.name() + ": " + ex.getMessage());
		}
	}

	/**
	 * One order as stored.
	 *
	 * @param id its id
	 * @param status {@code ACCEPTED} or {@code PROCESSED}
	 * @param receiptKey its receipt's key in S3, once processed
	 */
	public record StoredOrder(UUID id, String status, @Nullable String receiptKey) {

		public boolean processed() {
			return "PROCESSED".equals(this.status);
		}

	}

}
