package com.example.shop.worker.receipts;

import com.example.shop.orders.OrderPlaced;
import io.awspring.cloud.sqs.annotation.SqsListener;

import org.springframework.stereotype.Component;

/**
 * Receives {@link OrderPlaced} messages from the orders queue; SQS only, the work is in
 * {@link ReceiptService}. The body is plain JSON without a type header (the web tier
 * sends it with the bare SDK), so Spring Cloud AWS reads it as the type of the method's
 * parameter, with the application's Jackson mapper.
 * <p>
 * The message is deleted only when this method returns ({@code ON_SUCCESS}, the default,
 * spelled out here because everything depends on it). When it throws, or when the body
 * cannot be read at all, the message stays on the queue, comes back after the visibility
 * timeout and, after the queue's {@code maxReceiveCount}, goes to the dead-letter queue.
 */
@Component
class OrderPlacedListener {

	private final ReceiptService receipts;

	OrderPlacedListener(ReceiptService receipts) {
		this.receipts = receipts;
	}

	@SqsListener(queueNames = "${orders.receipts.queue}", acknowledgementMode = "ON_SUCCESS")
	void onOrderPlaced(OrderPlaced event) {
		this.receipts.process(event);
	}

}
