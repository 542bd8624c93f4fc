package com.example.shop.orders;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order as stored. Immutable: a status change gives a new value, and the rules for it
 * live here and in {@link OrderStatus}, not in the SQL that stores it.
 *
 * @param id the order's id, chosen by the web tier
 * @param customerEmail where the receipt is for
 * @param status where the order is in its life
 * @param lines what was ordered, never empty
 * @param totalCents the sum of the lines
 * @param createdAt when the order was accepted
 * @param processedAt when its receipt was stored, once processed
 * @param receiptKey the S3 key of its receipt, once processed
 */
public record Order(UUID id, String customerEmail, OrderStatus status, List<OrderLine> lines, long totalCents,
		Instant createdAt, @Nullable Instant processedAt, @Nullable String receiptKey) {

	public Order {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(customerEmail, "customerEmail");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(createdAt, "createdAt");
		lines = List.copyOf(lines);
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("an order needs at least one line");
		}
		if (totalCents != totalOf(lines)) {
			throw new IllegalArgumentException("totalCents " + totalCents + " is not the sum of the lines");
		}
		if ((status == OrderStatus.PROCESSED) != (processedAt != null && receiptKey != null)) {
			throw new IllegalArgumentException("a processed order, and only that, has a receipt and a time");
		}
	}

	/**
	 * A new order, accepted now.
	 * @param id the order's id
	 * @param customerEmail where the receipt is for
	 * @param lines what was ordered, priced from the catalogue
	 * @param now the time of acceptance
	 * @return an {@code ACCEPTED} order whose total is the sum of its lines
	 */
	public static Order accept(UUID id, String customerEmail, List<OrderLine> lines, Instant now) {
		return new Order(id, customerEmail, OrderStatus.ACCEPTED, lines, totalOf(lines), now, null, null);
	}

	/**
	 * This order with its receipt stored.
	 * @param receiptKey the S3 key of the receipt
	 * @param now the time the receipt was stored
	 * @return the processed order
	 * @throws IllegalStateException if the order may not become processed
	 */
	public Order processed(String receiptKey, Instant now) {
		if (!this.status.canBecome(OrderStatus.PROCESSED)) {
			throw new IllegalStateException("order " + this.id + " is " + this.status + ", it cannot become PROCESSED");
		}
		return new Order(this.id, this.customerEmail, OrderStatus.PROCESSED, this.lines, this.totalCents,
				this.createdAt, now, receiptKey);
	}

	private static long totalOf(List<OrderLine> lines) {
		return lines.stream().mapToLong(OrderLine::totalCents).reduce(0L, Math::addExact);
	}

}
