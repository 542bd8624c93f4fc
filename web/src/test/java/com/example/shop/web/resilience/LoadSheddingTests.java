package com.example.shop.web.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabase;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rule 7 with the instance really saturated: the orders table is locked, so every order
 * in progress waits on it. Beyond the limit of concurrent requests, the next ones are
 * refused at once with {@code 503} instead of queueing; readiness keeps answering; and
 * when the lock is released, the requests that were admitted complete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.server.port=0",
				"resilience4j.bulkhead.instances.api.max-concurrent-calls=3" })
@Import({ TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class })
class LoadSheddingTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private BulkheadRegistry bulkheads;

	@Test
	void requestsBeyondTheLimitAreRefusedAtOnceWhileHealthKeepsAnswering() throws Exception {
		TestDatabase.Server database = TestDatabase.get();
		List<CompletableFuture<HttpResponse<String>>> admitted = new ArrayList<>();
		List<HttpResponse<String>> refused = new ArrayList<>();
		int readiness;
		try (Connection lock = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement statement = lock.createStatement()) {
			lock.setAutoCommit(false);
			statement.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
			for (int i = 0; i < 3; i++) {
				admitted.add(CompletableFuture.supplyAsync(this::placeOrder));
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.bulkheads.bulkhead("api").getMetrics().getAvailableConcurrentCalls() == 0);
			for (int i = 0; i < 5; i++) {
				refused.add(placeOrder());
			}
			readiness = this.http
				.send(HttpRequest.newBuilder(URI.create(url("/readyz"))).build(), HttpResponse.BodyHandlers.ofString())
				.statusCode();
			lock.rollback();
		}

		assertThat(refused).extracting(HttpResponse::statusCode).containsOnly(503);
		assertThat(refused.getFirst().body()).contains("Overloaded");
		assertThat(refused.getFirst().headers().firstValue("Retry-After")).contains("1");
		assertThat(readiness).isEqualTo(200);
		assertThat(admitted.stream().map(CompletableFuture::join)).extracting(HttpResponse::statusCode)
			.containsOnly(201);
	}

	private HttpResponse<String> placeOrder() {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(url("/api/orders")))
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"customerEmail\": \"ada@example.com\", \"lines\": [{\"sku\": \"MUG-01\", \"quantity\": 1}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
