package com.example.shop.web.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.shop.orders.Order;
import com.example.shop.orders.OrderLine;
import com.example.shop.web.problems.ApiProperties;
import com.example.shop.web.problems.InvalidField;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * Every way a request to the orders API can be wrong gets a problem detail naming the
 * field, and never reaches the service, so nothing is half-written.
 */
@WebMvcTest(OrderController.class)
@EnableConfigurationProperties(ApiProperties.class)
class OrderControllerTests {

	private static final String VALID_BODY = """
			{"customerEmail": "ada@example.com", "lines": [{"sku": "MUG-01", "quantity": 2}]}""";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private OrderService orders;

	@MockitoBean
	private ReceiptStore receipts;

	@Test
	void placesAnOrderAndSaysWhereItIs() {
		Order order = order();
		given(this.orders.placeOrder(anyString(), any())).willReturn(new PlacedOrder(order, true));

		MvcTestResult result = post("key-1", VALID_BODY);

		assertThat(result).hasStatus(201).hasHeader("Location", "/api/orders/" + order.id());
		assertThat(result).bodyJson().extractingPath("$.totalCents").isEqualTo(2400);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("ACCEPTED");
	}

	@Test
	void replayedKeyAnswersOkWithTheOriginalOrder() {
		Order order = order();
		given(this.orders.placeOrder(anyString(), any())).willReturn(new PlacedOrder(order, false));

		MvcTestResult result = post("key-1", VALID_BODY);

		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(order.id().toString());
	}

	@Test
	void rejectsOrderWithoutIdempotencyKey() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY)
			.exchange();

		assertProblem(result, 400, "Idempotency-Key", "is required");
	}

	@Test
	void rejectsOversizedIdempotencyKey() {
		assertProblem(post("k".repeat(129), VALID_BODY), 400, "Idempotency-Key", "128");
	}

	@Test
	void rejectsIdempotencyKeyWithSpaces() {
		assertProblem(post("two words", VALID_BODY), 400, "Idempotency-Key", "visible ASCII");
	}

	@Test
	void rejectsMalformedJson() {
		assertProblem(post("key-1", "{\"customerEmail\": \"ada@example.com\", \"lines\": [}"), 400, "body",
				"not valid JSON");
	}

	@Test
	void rejectsEmptyBody() {
		assertProblem(post("key-1", ""), 400, "body", "not valid JSON");
	}

	@Test
	void rejectsWrongContentType() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/orders")
			.header("Idempotency-Key", "key-1")
			.contentType(MediaType.TEXT_PLAIN)
			.content(VALID_BODY)
			.exchange();

		assertThat(result).hasStatus(415).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.orders).should(never()).placeOrder(anyString(), any());
	}

	@ParameterizedTest(name = "quantity {0}")
	@CsvSource(delimiter = '|', textBlock = """
			0            | must be greater than or equal to 1
			-3           | must be greater than or equal to 1
			1001         | must be less than or equal to 1000
			99999999999  | is out of range
			1.5          | must be a whole number
			"two"        | must be a whole number
			null         | must not be null
			""")
	void rejectsBadQuantity(String quantity, String reason) {
		String body = """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "MUG-01", "quantity": %s}]}"""
			.formatted(quantity);

		assertProblem(post("key-1", body), 400, "lines[0].quantity", reason);
	}

	@ParameterizedTest(name = "email {0}")
	@CsvSource(delimiter = '|', textBlock = """
			"not-an-email" | must be a well-formed email address
			""            | must not be blank
			null          | must not be blank
			""")
	void rejectsBadEmail(String email, String reason) {
		String body = """
				{"customerEmail": %s, "lines": [{"sku": "MUG-01", "quantity": 1}]}""".formatted(email);

		assertProblem(post("key-1", body), 400, "customerEmail", reason);
	}

	@Test
	void rejectsOrderWithoutLines() {
		assertProblem(post("key-1", "{\"customerEmail\": \"ada@example.com\", \"lines\": []}"), 400, "lines",
				"size must be between 1 and 50");
	}

	@Test
	void rejectsOrderWithTooManyLines() {
		String line = "{\"sku\": \"MUG-01\", \"quantity\": 1}";
		String body = "{\"customerEmail\": \"ada@example.com\", \"lines\": ["
				+ String.join(",", java.util.Collections.nCopies(51, line)) + "]}";

		assertProblem(post("key-1", body), 400, "lines", "size must be between 1 and 50");
	}

	@Test
	void rejectsLinesThatAreNotAnArray() {
		assertProblem(post("key-1", "{\"customerEmail\": \"ada@example.com\", \"lines\": {\"sku\": \"MUG-01\"}}"), 400,
				"lines", "must be an array");
	}

	@Test
	void rejectsMalformedSku() {
		assertProblem(post("key-1", """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "mug 01; DROP TABLE", "quantity": 1}]}"""), 400,
				"lines[0].sku", "must be a catalogue sku");
	}

	@Test
	void unknownSkuIsUnprocessable() {
		given(this.orders.placeOrder(anyString(), any())).willThrow(
				new UnknownProductException(List.of(new InvalidField("lines[0].sku", "is not in the catalogue"))));

		assertProblem(post("key-1", VALID_BODY), 422, "lines[0].sku", "is not in the catalogue");
	}

	@Test
	void reusedKeyWithAnotherBodyIsUnprocessable() {
		given(this.orders.placeOrder(anyString(), any()))
			.willThrow(new IdempotencyKeyReusedException(UUID.randomUUID()));

		assertProblem(post("key-1", VALID_BODY), 422, "Idempotency-Key", "different order");
	}

	@Test
	void rejectsOversizedBody() {
		String body = VALID_BODY.replace("ada@example.com", "a".repeat(70_000) + "@example.com");

		MvcTestResult result = post("key-1", body);

		assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
		then(this.orders).should(never()).placeOrder(anyString(), any());
	}

	@Test
	void rejectsNonUuidOrderId() {
		assertProblem(this.mvc.get().uri("/api/orders/not-a-uuid").exchange(), 400, "id", "must be a UUID");
	}

	@Test
	void unknownOrderIsNotFound() {
		UUID id = UUID.randomUUID();
		given(this.orders.findOrder(id)).willThrow(new OrderNotFoundException(id));

		MvcTestResult result = this.mvc.get().uri("/api/orders/" + id).exchange();

		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(id.toString());
	}

	@Test
	void receiptOfAnUnprocessedOrderIsNotFoundYet() {
		Order order = order();
		given(this.orders.findOrder(order.id())).willReturn(order);

		MvcTestResult result = this.mvc.get().uri("/api/orders/" + order.id() + "/receipt").exchange();

		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Receipt not ready");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			limit=0         | limit  | must be greater than or equal to 1
			limit=101       | limit  | must be less than or equal to 100
			limit=ten       | limit  | must be a whole number
			status=SHIPPED  | status | must be one of [ACCEPTED, PROCESSED]
			after=yesterday | after  | must be a UUID
			""")
	void rejectsBadListParameters(String query, String field, String reason) {
		assertProblem(this.mvc.get().uri("/api/orders?" + query).exchange(), 400, field, reason);
	}

	private MvcTestResult post(String key, String body) {
		return this.mvc.post()
			.uri("/api/orders")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private void assertProblem(MvcTestResult result, int status, String field, String reason) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.errors[0].reason").asString().contains(reason);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().doesNotContain("java.", "tools.jackson");
		if (status == 400) {
			then(this.orders).should(never()).placeOrder(anyString(), any());
		}
	}

	/** The load-shedding filter is part of the web layer; its registry is not. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Bulkheads {

		@Bean
		BulkheadRegistry bulkheadRegistry() {
			return BulkheadRegistry.ofDefaults();
		}

	}

	private static Order order() {
		return Order.accept(UUID.randomUUID(), "ada@example.com",
				List.of(new OrderLine("MUG-01", "Failover mug", 1200, 2)), Instant.parse("2026-11-25T10:15:30Z"));
	}

}
