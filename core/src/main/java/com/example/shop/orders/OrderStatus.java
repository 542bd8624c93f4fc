package com.example.shop.orders;

/**
 * Where an order is in its life. The only move is forward, from {@code ACCEPTED} (stored,
 * answered {@code 201}) to {@code PROCESSED} (receipt in S3), so a redelivered message
 * can never move an order back.
 */
public enum OrderStatus {

	/** Stored and acknowledged to the client; its receipt is not rendered yet. */
	ACCEPTED,

	/** Its receipt is in S3. Final. */
	PROCESSED;

	/**
	 * Whether an order in this status may move to {@code next}.
	 * @param next the status asked for
	 * @return {@code true} only for a forward move
	 */
	public boolean canBecome(OrderStatus next) {
		return this == ACCEPTED && next == PROCESSED;
	}

}
