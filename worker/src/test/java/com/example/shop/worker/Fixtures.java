package com.example.shop.worker;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.shop.orders.Order;
import com.example.shop.orders.OrderLine;
import com.example.shop.orders.OrderRepository;
import com.example.shop.testsupport.TestAws;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * What the worker's tests set up: an accepted order, and its message on a queue as the
 * web tier sends it.
 */
final class Fixtures {

	private Fixtures() {
	}

	static Order storeAcceptedOrder(OrderRepository orders) {
		Order order = Order.accept(UUID.randomUUID(), "ada@example.com",
				List.of(new OrderLine("MUG-01", "Failover mug", 1200, 3)),
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		orders.insertIfAbsent(order, "key-" + order.id(), "fingerprint");
		return order;
	}

	/**
	 * The contract's JSON, written out literally rather than by the application's mapper.
	 */
	static String orderPlaced(UUID orderId) {
		return """
				{"orderId":"%s","customerEmail":"ada@example.com","totalCents":3600,"placedAt":"2026-11-25T10:15:30.123Z"}"""
			.formatted(orderId);
	}

	static void send(String queue, String body, Map<String, String> attributes) {
		try (SqsClient sqs = TestAws.sqsClient()) {
			String url = sqs.getQueueUrl((request) -> request.queueName(queue)).queueUrl();
			sqs.sendMessage((request) -> request.queueUrl(url)
				.messageBody(body)
				.messageAttributes(attributes.entrySet()
					.stream()
					.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
							(entry) -> MessageAttributeValue.builder()
								.dataType("String")
								.stringValue(entry.getValue())
								.build()))));
		}
	}

}
