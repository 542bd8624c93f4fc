package com.example.shop.worker.receipts;

import com.example.shop.observability.Correlation;
import com.example.shop.orders.OrderPlaced;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.Visibility;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Receives {@link OrderPlaced} messages from the orders queue; SQS only, the work is in
 * {@link ReceiptService}. The body is plain JSON without a type header (the web tier
 * sends it with the bare SDK), so Spring Cloud AWS reads it as the type of the method's
 * parameter, with the application's Jackson mapper.
 * <p>
 * The message is deleted only when this method returns ({@code ON_SUCCESS}, the default,
 * spelled out here because everything depends on it). When it throws, the message stays
 * on the queue, invisible for a time that grows with each receive
 * ({@link RedeliveryBackoff}), and after the queue's {@code maxReceiveCount} it goes to
 * the dead-letter queue. A body that cannot be read at all never gets here and returns
 * after the queue's own visibility timeout. The correlation id the web tier attached is
 * put on every log line.
 */
@Component
class OrderPlacedListener {

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final ReceiptService receipts;

	private final RedeliveryBackoff backoff;

	OrderPlacedListener(ReceiptService receipts, ReceiptsProperties properties) {
		this.receipts = receipts;
		this.backoff = new RedeliveryBackoff(properties.redeliveryBase(), properties.redeliveryCap());
	}

	@SqsListener(queueNames = "${orders.receipts.queue}", acknowledgementMode = "ON_SUCCESS")
	void onOrderPlaced(OrderPlaced event, Visibility visibility,
			@Header(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT) String receiveCount,
			@Header(name = Correlation.KEY, required = false) @Nullable String correlationId) {
		Correlation.set(correlationId);
		try {
			this.receipts.process(event);
		}
		catch (RuntimeException ex) {
			int seconds = this.backoff.visibilitySeconds(Integer.parseInt(receiveCount));
			visibility.changeTo(seconds);
			log.warn("Order {} not processed on receive {} ({}); it comes back in {} s", event.orderId(), receiveCount,
					ex.getMessage(), seconds);
			throw ex;
		}
		finally {
			Correlation.set(null);
		}
	}

}
