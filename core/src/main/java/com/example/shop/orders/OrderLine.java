package com.example.shop.orders;

import java.util.Objects;

/**
 * One line of an order, priced from the catalogue when the order was placed. The name and
 * unit price are copied onto the line so the receipt shows what the customer was charged,
 * even if the catalogue changes later.
 *
 * @param sku the product's catalogue id
 * @param name the product's name at the time of the order
 * @param unitPriceCents the product's price at the time of the order, in cents
 * @param quantity how many, at least one
 */
public record OrderLine(String sku, String name, long unitPriceCents, int quantity) {

	public OrderLine {
		Objects.requireNonNull(sku, "sku");
		Objects.requireNonNull(name, "name");
		if (unitPriceCents <= 0) {
			throw new IllegalArgumentException("unitPriceCents must be positive, was " + unitPriceCents);
		}
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive, was " + quantity);
		}
	}

	/**
	 * The line's total; overflow is an error, never a wrapped-around price.
	 * @return unit price times quantity, in cents
	 */
	public long totalCents() {
		return Math.multiplyExact(this.unitPriceCents, (long) this.quantity);
	}

}
