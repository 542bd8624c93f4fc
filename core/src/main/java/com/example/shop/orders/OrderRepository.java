package com.example.shop.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores orders with visible SQL. The statements that make the system safe to retry are
 * here: the insert that a repeated idempotency key cannot duplicate, and the conditional
 * update that a redelivered message cannot apply twice.
 */
@Repository
public class OrderRepository {

	private static final String SELECT_ORDERS = """
			SELECT id, customer_email, status, total_cents, created_at, processed_at, receipt_key
			FROM orders
			""";

	private final JdbcClient jdbc;

	public OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the order and its lines unless an order with this idempotency key exists.
	 * When two requests with one key race, the database's unique index makes the second
	 * wait for the first and then insert nothing.
	 * @param order the order to store
	 * @param idempotencyKey the client's key
	 * @param fingerprint what the request meant, to recognise a replay
	 * @return {@code true} if stored, {@code false} if the key was taken
	 */
	public boolean insertIfAbsent(Order order, String idempotencyKey, String fingerprint) {
		int inserted = this.jdbc.sql("""
				INSERT INTO orders (id, idempotency_key, request_fingerprint, customer_email, status, total_cents,
				                    created_at)
				VALUES (:id, :key, :fingerprint, :email, :status, :total, :createdAt)
				ON CONFLICT (idempotency_key) DO NOTHING
				""")
			.param("id", order.id())
			.param("key", idempotencyKey)
			.param("fingerprint", fingerprint)
			.param("email", order.customerEmail())
			.param("status", order.status().name())
			.param("total", order.totalCents())
			.param("createdAt", Timestamp.from(order.createdAt()))
			.update();
		if (inserted == 0) {
			return false;
		}
		for (int lineNo = 0; lineNo < order.lines().size(); lineNo++) {
			insertLine(order.id(), lineNo, order.lines().get(lineNo));
		}
		return true;
	}

	private void insertLine(UUID orderId, int lineNo, OrderLine line) {
		this.jdbc.sql("""
				INSERT INTO order_lines (order_id, line_no, sku, name, unit_price_cents, quantity)
				VALUES (:orderId, :lineNo, :sku, :name, :unitPrice, :quantity)
				""")
			.param("orderId", orderId)
			.param("lineNo", lineNo)
			.param("sku", line.sku())
			.param("name", line.name())
			.param("unitPrice", line.unitPriceCents())
			.param("quantity", line.quantity())
			.update();
	}

	/**
	 * The order an idempotency key created, if any.
	 * @param idempotencyKey the client's key
	 * @return the order's id and the fingerprint of the request that created it
	 */
	public Optional<IdempotentRequest> findByIdempotencyKey(String idempotencyKey) {
		return this.jdbc.sql("SELECT id, request_fingerprint FROM orders WHERE idempotency_key = :key")
			.param("key", idempotencyKey)
			.query((rs, n) -> new IdempotentRequest(rs.getObject("id", UUID.class),
					rs.getString("request_fingerprint")))
			.optional();
	}

	/**
	 * One order with its lines.
	 * @param id the order's id
	 * @return the order, if it exists
	 */
	public Optional<Order> findById(UUID id) {
		return withLines(this.jdbc.sql(SELECT_ORDERS + "WHERE id = :id").param("id", id).query(this::header).list())
			.stream()
			.findFirst();
	}

	/**
	 * A page of orders, newest first, after a given order (keyset pagination: stable
	 * while new orders arrive, and as fast for the hundredth page as for the first).
	 * @param status only orders in this status, or all when {@code null}
	 * @param after the last order of the previous page, or {@code null} for the first
	 * page
	 * @param limit the page size
	 * @return at most {@code limit} orders
	 */
	public List<Order> findNewestFirst(@Nullable OrderStatus status, @Nullable UUID after, int limit) {
		List<OrderHeader> headers = this.jdbc.sql(SELECT_ORDERS + """
				WHERE (CAST(:status AS text) IS NULL OR status = :status)
				  AND (CAST(:after AS uuid) IS NULL
				       OR (created_at, id) < (SELECT a.created_at, a.id FROM orders a WHERE a.id = :after))
				ORDER BY created_at DESC, id DESC
				LIMIT :limit
				""")
			.param("status", (status != null) ? status.name() : null)
			.param("after", after)
			.param("limit", limit)
			.query(this::header)
			.list();
		return withLines(headers);
	}

	/**
	 * Stores a processed order, only if it was not processed already. A redelivered
	 * message whose order is already processed changes nothing here.
	 * @param processed the order after {@link Order#processed}
	 * @return {@code true} if this call moved the order, {@code false} if it had moved
	 * before
	 */
	public boolean markProcessed(Order processed) {
		return this.jdbc.sql("""
				UPDATE orders SET status = 'PROCESSED', processed_at = :processedAt, receipt_key = :receiptKey
				WHERE id = :id AND status = 'ACCEPTED'
				""")
			.param("processedAt", Timestamp.from(requireNonNull(processed.processedAt())))
			.param("receiptKey", processed.receiptKey())
			.param("id", processed.id())
			.update() == 1;
	}

	private List<Order> withLines(List<OrderHeader> headers) {
		if (headers.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<OrderLine>> lines = new LinkedHashMap<>();
		headers.forEach((header) -> lines.put(header.id(), new ArrayList<>()));
		this.jdbc.sql("""
				SELECT order_id, sku, name, unit_price_cents, quantity FROM order_lines
				WHERE order_id = ANY(:ids) ORDER BY order_id, line_no
				""").param("ids", lines.keySet().toArray(UUID[]::new)).query((rs) -> {
			lines.get(rs.getObject("order_id", UUID.class))
				.add(new OrderLine(rs.getString("sku"), rs.getString("name"), rs.getLong("unit_price_cents"),
						rs.getInt("quantity")));
		});
		return headers.stream().map((header) -> header.toOrder(lines.get(header.id()))).toList();
	}

	private OrderHeader header(ResultSet rs, int rowNum) throws SQLException {
		return new OrderHeader(rs.getObject("id", UUID.class), rs.getString("customer_email"),
				OrderStatus.valueOf(rs.getString("status")), rs.getLong("total_cents"),
				rs.getTimestamp("created_at").toInstant(), instantOrNull(rs.getTimestamp("processed_at")),
				rs.getString("receipt_key"));
	}

	private static @Nullable Instant instantOrNull(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Instant requireNonNull(@Nullable Instant instant) {
		if (instant == null) {
			throw new IllegalArgumentException("a processed order has a processing time");
		}
		return instant;
	}

	/**
	 * What an idempotency key is bound to.
	 *
	 * @param orderId the order the key created
	 * @param fingerprint the fingerprint of the request that created it
	 */
	public record IdempotentRequest(UUID orderId, String fingerprint) {
	}

	private record OrderHeader(UUID id, String customerEmail, OrderStatus status, long totalCents, Instant createdAt,
			@Nullable Instant processedAt, @Nullable String receiptKey) {

		Order toOrder(List<OrderLine> lines) {
			return new Order(this.id, this.customerEmail, this.status, lines, this.totalCents, this.createdAt,
					this.processedAt, this.receiptKey);
		}

	}

}
