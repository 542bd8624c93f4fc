package com.example.shop.orders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTests {

	@Test
	void acceptedOrderMayBecomeProcessed() {
		assertThat(OrderStatus.ACCEPTED.canBecome(OrderStatus.PROCESSED)).isTrue();
	}

	@Test
	void processedOrderNeverMovesAgain() {
		assertThat(OrderStatus.PROCESSED.canBecome(OrderStatus.PROCESSED)).isFalse();
		assertThat(OrderStatus.PROCESSED.canBecome(OrderStatus.ACCEPTED)).isFalse();
	}

	@Test
	void acceptedOrderCannotBecomeAcceptedAgain() {
		assertThat(OrderStatus.ACCEPTED.canBecome(OrderStatus.ACCEPTED)).isFalse();
	}

}
