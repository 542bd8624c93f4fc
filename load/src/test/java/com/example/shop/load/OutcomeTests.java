package com.example.shop.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record line names every field, absent or not, so a game-day script can read the file
 * with any JSON Lines tool, and whatever the server put in an id cannot break the line.
 */
class OutcomeTests {

	@Test
	void writesAnAnsweredRequestWithItsOrderId() {
		Outcome outcome = Outcome.answered("k-1", 201, "0b9c1d2e-0000-4000-8000-000000000001", 12, 1_700_000_000_000L);

		String json = outcome.toJson();

		assertThat(json)
			.isEqualTo("{\"key\":\"k-1\",\"status\":201,\"orderId\":\"0b9c1d2e-0000-4000-8000-000000000001\","
					+ "\"latencyMs\":12,\"error\":null,\"sentAt\":1700000000000}");
	}

	@Test
	void writesAFailedRequestWithNullStatusAndItsErrorKind() {
		Outcome outcome = Outcome.failed("k-2", ErrorKind.TIMEOUT, 5003, 1_700_000_000_000L);

		String json = outcome.toJson();

		assertThat(json).isEqualTo("{\"key\":\"k-2\",\"status\":null,\"orderId\":null,\"latencyMs\":5003,"
				+ "\"error\":\"timeout\",\"sentAt\":1700000000000}");
	}

	@Test
	void escapesQuotesBackslashesAndControlCharactersInStrings() {
		Outcome outcome = Outcome.answered("k-3", 201, "a\"b\\c\nd", 1, 1);

		String json = outcome.toJson();

		assertThat(json).contains("\"orderId\":\"a\\\"b\\\\c\\u000ad\"");
	}

}
