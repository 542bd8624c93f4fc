package com.example.shop.worker.receipts;

import java.time.Clock;
import java.time.Duration;

import com.example.shop.orders.Order;
import com.example.shop.orders.OrderPlaced;
import com.example.shop.orders.OrderRepository;
import com.example.shop.orders.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Processes one placed order: render its receipt, store it, then mark the order
 * processed. The order is read from the database, which stays the source of truth; the
 * message only names it. The steps run in this order so that a crash between any two of
 * them leaves nothing a retry cannot finish: the receipt is overwritten under the same
 * key, and the status moves only if it has not moved already. No transaction spans the S3
 * write, because none can.
 */
@Service
class ReceiptService {

	private static final Logger logger = LoggerFactory.getLogger(ReceiptService.class);

	private final OrderRepository orders;

	private final ReceiptRenderer renderer;

	private final ReceiptStore store;

	private final Clock clock;

	private final Duration artificialDelay;

	private final Counter receiptsRendered;

	private final Counter ordersProcessed;

	private final Timer processing;

	ReceiptService(OrderRepository orders, ReceiptRenderer renderer, ReceiptStore store, Clock clock,
			ReceiptsProperties properties, MeterRegistry meters) {
		this.orders = orders;
		this.renderer = renderer;
		this.store = store;
		this.clock = clock;
		this.artificialDelay = properties.artificialDelay();
		this.receiptsRendered = Counter.builder("receipts.rendered")
			.description("Receipts rendered and stored in S3")
			.register(meters);
		this.ordersProcessed = Counter.builder("orders.processed")
			.description("Orders moved to PROCESSED")
			.register(meters);
		this.processing = Timer.builder("receipts.processing")
			.description("Time to process one OrderPlaced message, failures included")
			.register(meters);
	}

	/**
	 * Processes the order an event names, unless a previous delivery already did.
	 * @param event the message received
	 * @throws UnknownOrderException if the order does not exist, so that the message is
	 * retried and then dead-lettered
	 */
	void process(OrderPlaced event) {
		this.processing.record(() -> processOnce(event));
	}

	private void processOnce(OrderPlaced event) {
		Order order = this.orders.findById(event.orderId())
			.orElseThrow(() -> new UnknownOrderException(event.orderId()));
		if (order.status() == OrderStatus.PROCESSED) {
			logger.info("Order {} is already processed; nothing to do for this redelivery", order.id());
			return;
		}
		simulateSlowWork();
		String receiptKey = this.store.store(order.id(), this.renderer.render(order, this.clock.instant()));
		this.receiptsRendered.increment();
		markProcessed(order, receiptKey);
	}

	private void markProcessed(Order order, String receiptKey) {
		if (this.orders.markProcessed(order.processed(receiptKey, this.clock.instant()))) {
			this.ordersProcessed.increment();
			logger.info("Order {} processed, receipt at {}", order.id(), receiptKey);
		}
		else {
			logger.info("Order {} was processed by a concurrent delivery; its receipt was rewritten", order.id());
		}
	}

	private void simulateSlowWork() {
		if (this.artificialDelay.isZero()) {
			return;
		}
		try {
			Thread.sleep(this.artificialDelay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while simulating slow work", ex);
		}
	}

}
