package com.example.shop.web.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.shop.orders.Order;
import com.example.shop.orders.OrderLine;
import com.example.shop.orders.OrderStatus;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it.
 *
 * @param id the order's id
 * @param status {@code ACCEPTED} or {@code PROCESSED}
 * @param customerEmail where the receipt is for
 * @param lines what was ordered, at the prices charged
 * @param totalCents the total charged
 * @param createdAt when the order was accepted
 * @param processedAt when its receipt was stored, once processed
 * @param receiptUrl where to download the receipt, once processed
 */
record OrderResponse(UUID id, OrderStatus status, String customerEmail, List<Line> lines, long totalCents,
		Instant createdAt, @Nullable Instant processedAt, @Nullable String receiptUrl) {

	static OrderResponse of(Order order) {
		String receiptUrl = (order.status() == OrderStatus.PROCESSED) ? "/api/orders/" + order.id() + "/receipt" : null;
		return new OrderResponse(order.id(), order.status(), order.customerEmail(),
				order.lines().stream().map(Line::of).toList(), order.totalCents(), order.createdAt(),
				order.processedAt(), receiptUrl);
	}

	/**
	 * One line of an order.
	 *
	 * @param sku the product
	 * @param name its name when ordered
	 * @param unitPriceCents its price when ordered
	 * @param quantity how many
	 * @param totalCents unit price times quantity
	 */
	record Line(String sku, String name, long unitPriceCents, int quantity, long totalCents) {

		static Line of(OrderLine line) {
			return new Line(line.sku(), line.name(), line.unitPriceCents(), line.quantity(), line.totalCents());
		}

	}

}
