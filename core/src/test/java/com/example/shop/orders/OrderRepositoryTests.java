package com.example.shop.orders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.example.shop.testsupport.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ TestDatabaseConfiguration.class, OrderRepository.class })
class OrderRepositoryTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

	@Autowired
	private OrderRepository orders;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void storesAnOrderWithItsLines() {
		Order order = order(NOW);

		boolean inserted = this.orders.insertIfAbsent(order, "key-" + order.id(), "fingerprint");

		assertThat(inserted).isTrue();
		assertThat(this.orders.findById(order.id())).contains(order);
	}

	@Test
	void secondInsertWithTheSameKeyStoresNothing() {
		Order first = order(NOW);
		Order second = order(NOW);
		this.orders.insertIfAbsent(first, "same-key", "fingerprint-1");

		boolean inserted = this.orders.insertIfAbsent(second, "same-key", "fingerprint-2");

		assertThat(inserted).isFalse();
		assertThat(this.orders.findById(second.id())).isEmpty();
		assertThat(this.orders.findByIdempotencyKey("same-key"))
			.contains(new OrderRepository.IdempotentRequest(first.id(), "fingerprint-1"));
	}

	@Test
	void marksAnOrderProcessedOnlyOnce() {
		Order order = order(NOW);
		this.orders.insertIfAbsent(order, "key-" + order.id(), "fingerprint");
		Order processed = order.processed("receipts/" + order.id() + ".pdf", NOW.plusSeconds(1));

		boolean first = this.orders.markProcessed(processed);
		boolean again = this.orders.markProcessed(processed);

		assertThat(first).isTrue();
		assertThat(again).isFalse();
		assertThat(this.orders.findById(order.id())).contains(processed);
	}

	@Test
	void pagesNewestFirstByStatus() {
		this.jdbc.sql("DELETE FROM orders").update();
		Order oldest = store(order(NOW.minusSeconds(3)));
		Order middle = store(order(NOW.minusSeconds(2)));
		Order newest = store(order(NOW.minusSeconds(1)));
		this.orders.markProcessed(middle.processed("receipts/m.pdf", NOW));

		List<Order> firstPage = this.orders.findNewestFirst(null, null, 2);
		List<Order> secondPage = this.orders.findNewestFirst(null, firstPage.getLast().id(), 2);
		List<Order> accepted = this.orders.findNewestFirst(OrderStatus.ACCEPTED, null, 10);

		assertThat(firstPage).extracting(Order::id).containsExactly(newest.id(), middle.id());
		assertThat(secondPage).extracting(Order::id).containsExactly(oldest.id());
		assertThat(accepted).extracting(Order::id).containsExactly(newest.id(), oldest.id());
	}

	@Test
	void databaseRefusesALineForAnUnknownProduct() {
		Order order = Order.accept(UUID.randomUUID(), "ada@example.com",
				List.of(new OrderLine("NOPE-01", "Nothing", 100, 1)), NOW);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.orders.insertIfAbsent(order, "key-" + order.id(), "fingerprint"));
	}

	private Order store(Order order) {
		this.orders.insertIfAbsent(order, "key-" + order.id(), "fingerprint");
		return order;
	}

	private static Order order(Instant createdAt) {
		return Order.accept(UUID.randomUUID(), "ada@example.com",
				List.of(new OrderLine("MUG-01", "Failover mug", 1200, 2), new OrderLine("TEE-01", "T-shirt", 2500, 1)),
				createdAt);
	}

}
