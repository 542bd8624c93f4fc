package com.example.shop.lab.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A steady stream of orders through the load balancer for the lab test, one every
 * interval, whatever the answers: each request and its outcome is kept, so a test can say
 * exactly which requests failed and whether every acknowledged order exists.
 */
public final class SteadyLoad {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

	private final ConcurrentLinkedQueue<CompletableFuture<Outcome>> requests = new ConcurrentLinkedQueue<>();

	private final String baseUrl;

	private SteadyLoad(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static SteadyLoad start(String baseUrl, Duration interval) {
		SteadyLoad load = new SteadyLoad(baseUrl);
		load.clock.scheduleAtFixedRate(() -> load.requests.add(load.placeOrder()), 0, interval.toMillis(),
				TimeUnit.MILLISECONDS);
		return load;
	}

	public List<Outcome> stop() throws InterruptedException {
		this.clock.shutdown();
		this.clock.awaitTermination(5, TimeUnit.SECONDS);
		List<Outcome> outcomes = new ArrayList<>(this.requests.stream().map(CompletableFuture::join).toList());
		outcomes.sort(Comparator.comparing(Outcome::sentAt));
		return outcomes;
	}

	private CompletableFuture<Outcome> placeOrder() {
		Instant sentAt = Instant.now();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/orders"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"customerEmail\": \"load@example.com\", \"lines\": [{\"sku\": \"MUG-01\", \"quantity\": 1}]}"))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> new Outcome(sentAt, response.statusCode(), orderId(response),
					response.headers().firstValue("X-Served-By").orElse("?"),
					response.headers().firstValue("Retry-After").orElse(null)))
			.exceptionally((failure) -> new Outcome(sentAt, 0, null, failure.getClass().getSimpleName(), null));
	}

	private static @Nullable UUID orderId(HttpResponse<String> response) {
		return (response.statusCode() == 201) ? UUID.fromString(JSON.readTree(response.body()).get("id").asString())
				: null;
	}

	/**
	 * One request and what came of it.
	 *
	 * @param sentAt when it was sent
	 * @param status the HTTP status, or 0 when no answer came
	 * @param orderId the order created, for a 201
	 * @param servedBy the instance that answered, or what failed
	 * @param retryAfter the answer's {@code Retry-After} header, if any
	 */
	public record Outcome(Instant sentAt, int status, @Nullable UUID orderId, String servedBy,
			@Nullable String retryAfter) {
	}

}
