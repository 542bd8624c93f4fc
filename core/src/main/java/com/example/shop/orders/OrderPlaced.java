package com.example.shop.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * The message the web tier sends through SQS (by way of the outbox) when it has accepted
 * an order, and the worker tier receives. Its JSON shape is a contract between two
 * deployables that are released separately, so it is pinned by a test: add fields, never
 * rename or remove one. The worker reads the order itself from the database, which stays
 * the source of truth; the message only says which order to process.
 *
 * @param orderId the order to process
 * @param customerEmail who ordered, for log lines and receipts
 * @param totalCents the order's total, for log lines and checks
 * @param placedAt when the order was accepted
 */
public record OrderPlaced(UUID orderId, String customerEmail, long totalCents, Instant placedAt) {

	/** The event type, as stored in the outbox and sent as a message attribute. */
	public static final String TYPE = "OrderPlaced";

	/**
	 * The event for a newly accepted order.
	 * @param order the order just accepted
	 * @return the event describing it
	 */
	public static OrderPlaced of(Order order) {
		return new OrderPlaced(order.id(), order.customerEmail(), order.totalCents(), order.createdAt());
	}

}
