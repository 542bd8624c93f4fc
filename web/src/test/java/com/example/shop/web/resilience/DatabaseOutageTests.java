package com.example.shop.web.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabase;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rules 4 and 6 with the database really unreachable (its connections cut, or frozen):
 * requests are answered {@code 503} with {@code Retry-After} and a problem detail, never
 * a {@code 500} or a hang; once the breaker is open they are answered without touching
 * the database at all; and when the database is back, orders are accepted again on their
 * own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.server.port=0",
				"resilience4j.circuitbreaker.instances.database.wait-duration-in-open-state=2s",
				"spring.datasource.hikari.connection-timeout=1000",
				"spring.datasource.hikari.data-source-properties.socketTimeout=2" })
@Import({ TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class })
class DatabaseOutageTests {

	private static final String ORDER = """
			{"customerEmail": "ada@example.com", "lines": [{"sku": "MUG-01", "quantity": 1}]}""";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@AfterEach
	void restoreTheDatabase() {
		TestDatabase.proxy().restore();
		this.breakers.circuitBreaker("database").reset();
	}

	@Test
	void databaseOutageIsA503AndTheOpenBreakerAnswersWithoutCallingIt() throws Exception {
		CircuitBreaker breaker = this.breakers.circuitBreaker("database");
		TestDatabase.proxy().cut();

		for (int i = 0; i < 6; i++) {
			assertUnavailable(placeOrder(UUID.randomUUID().toString()));
		}
		long notPermittedBefore = breaker.getMetrics().getNumberOfNotPermittedCalls();
		HttpResponse<String> placed = placeOrder(UUID.randomUUID().toString());
		HttpResponse<String> read = get("/api/orders/" + UUID.randomUUID());

		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertUnavailable(placed);
		assertUnavailable(read);
		assertThat(placed.body()).contains("stopped calling it");
		assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(notPermittedBefore + 2);
	}

	@Test
	void ordersAreAcceptedAgainOnceTheDatabaseIsBack() throws Exception {
		TestDatabase.proxy().cut();
		for (int i = 0; i < 6; i++) {
			placeOrder(UUID.randomUUID().toString());
		}

		TestDatabase.proxy().restore();

		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> placeOrder(UUID.randomUUID().toString()).statusCode() == 201);
	}

	@Test
	void frozenDatabaseEndsInATimeoutNotAHang() throws Exception {
		TestDatabase.proxy().freeze();

		HttpResponse<String> response = get("/api/products");

		assertUnavailable(response);
	}

	private static void assertUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
	}

	private HttpResponse<String> placeOrder(String key) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/orders"))
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(ORDER))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
