package com.example.shop.orders;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON of {@link OrderPlaced}: the web tier writes it and the worker tier reads
 * it, and the two are deployed separately, so a change here breaks a running system.
 */
@JsonTest
class OrderPlacedJsonTests {

	private static final String JSON = """
			{"orderId":"0b8e6f7c-3c1a-4f5e-9a57-1d2f3e4a5b6c","customerEmail":"ada@example.com",
			 "totalCents":3600,"placedAt":"2026-11-25T10:15:30.123Z"}""";

	private static final OrderPlaced EVENT = new OrderPlaced(UUID.fromString("0b8e6f7c-3c1a-4f5e-9a57-1d2f3e4a5b6c"),
			"ada@example.com", 3600, Instant.parse("2026-11-25T10:15:30.123Z"));

	@Autowired
	private JacksonTester<OrderPlaced> json;

	@Test
	void writesTheAgreedShape() throws Exception {
		var written = this.json.write(EVENT);

		assertThat(written).isStrictlyEqualToJson(JSON);
	}

	@Test
	void readsTheAgreedShape() throws Exception {
		OrderPlaced read = this.json.parseObject(JSON);

		assertThat(read).isEqualTo(EVENT);
	}

	@Test
	void readsMessagesWithFieldsAddedLater() throws Exception {
		OrderPlaced read = this.json.parseObject(JSON.replace("}", ",\"currency\":\"EUR\"}"));

		assertThat(read).isEqualTo(EVENT);
	}

}
