package com.example.shop.worker.receipts;

import java.util.UUID;

/**
 * A message names an order the database does not have. The web tier writes the order and
 * its event in one transaction, so this is not a race to wait out: it is a message from
 * somewhere else or for another database. It is thrown so the message is retried a few
 * times and then dead-lettered, where a person can look at it.
 */
class UnknownOrderException extends RuntimeException {

	UnknownOrderException(UUID orderId) {
		super("order " + orderId + " does not exist");
	}

}
