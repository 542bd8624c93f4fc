package com.example.shop.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

	private static final OrderLine MUGS = new OrderLine("MUG-01", "Failover mug", 1200, 2);

	private static final OrderLine STICKERS = new OrderLine("STICK-01", "Stickers", 400, 3);

	@Test
	void acceptedOrderTotalsItsLines() {
		Order order = Order.accept(UUID.randomUUID(), "ada@example.com", List.of(MUGS, STICKERS), NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
		assertThat(order.totalCents()).isEqualTo(2 * 1200 + 3 * 400);
		assertThat(order.processedAt()).isNull();
		assertThat(order.receiptKey()).isNull();
	}

	@Test
	void rejectsOrderWithoutLines() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Order.accept(UUID.randomUUID(), "ada@example.com", List.of(), NOW))
			.withMessageContaining("at least one line");
	}

	@Test
	void rejectsLineWithoutQuantity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("MUG-01", "Failover mug", 1200, 0));
	}

	@Test
	void totalThatWouldOverflowIsAnErrorNotAWrappedPrice() {
		OrderLine huge = new OrderLine("MUG-01", "Failover mug", Long.MAX_VALUE / 2, 3);

		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> Order.accept(UUID.randomUUID(), "ada@example.com", List.of(huge), NOW));
	}

	@Test
	void processingRecordsTheReceipt() {
		Order order = Order.accept(UUID.randomUUID(), "ada@example.com", List.of(MUGS), NOW);

		Order processed = order.processed("receipts/" + order.id() + ".pdf", NOW.plusSeconds(2));

		assertThat(processed.status()).isEqualTo(OrderStatus.PROCESSED);
		assertThat(processed.receiptKey()).isEqualTo("receipts/" + order.id() + ".pdf");
		assertThat(processed.processedAt()).isEqualTo(NOW.plusSeconds(2));
		assertThat(processed.lines()).isEqualTo(order.lines());
	}

	@Test
	void processedOrderCannotBeProcessedAgain() {
		Order processed = Order.accept(UUID.randomUUID(), "ada@example.com", List.of(MUGS), NOW)
			.processed("receipts/x.pdf", NOW);

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> processed.processed("receipts/x.pdf", NOW))
			.withMessageContaining("cannot become PROCESSED");
	}

	@Test
	void totalMustMatchTheLines() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Order(UUID.randomUUID(), "ada@example.com",
				OrderStatus.ACCEPTED, List.of(MUGS), 1, NOW, null, null));
	}

}
