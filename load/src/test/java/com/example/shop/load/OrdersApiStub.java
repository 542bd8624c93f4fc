package com.example.shop.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server on a random loopback port standing in for the orders API. It answers
 * {@code POST /api/orders} as planned per request number (201 with an id, 503, or
 * slowly), and remembers every idempotency key it received and what it answered for it,
 * so a test can hold the load generator's record against what really happened on the
 * wire.
 */
final class OrdersApiStub implements AutoCloseable {

	private final HttpServer server;

	private final IntFunction<Answer> plan;

	private final AtomicInteger requests = new AtomicInteger();

	private final Set<String> receivedKeys = ConcurrentHashMap.newKeySet();

	private final Map<String, Answered> answers = new ConcurrentHashMap<>();

	private final Set<String> heldBackKeys = ConcurrentHashMap.newKeySet();

	private final Set<String> malformedRequests = ConcurrentHashMap.newKeySet();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private OrdersApiStub(IntFunction<Answer> plan) throws IOException {
		this.plan = plan;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Starts a server answering request {@code n} (from 1) with {@code plan.apply(n)}.
	 */
	static OrdersApiStub start(IntFunction<Answer> plan) throws IOException {
		return new OrdersApiStub(plan);
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	Set<String> receivedKeys() {
		return this.receivedKeys;
	}

	/** What the server answered, by idempotency key, once it has answered. */
	Map<String, Answered> answers() {
		return this.answers;
	}

	/** The keys of the requests whose answer was planned to be slow. */
	Set<String> heldBackKeys() {
		return this.heldBackKeys;
	}

	/** The most requests the server was working on at the same time. */
	int maxInFlight() {
		return this.maxInFlight.get();
	}

	/** Requests that were not a well-formed order: wrong method, path, type or body. */
	Set<String> malformedRequests() {
		return this.malformedRequests;
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			checkWellFormed(exchange, key, body);
			key = (key != null) ? key : "(none)";
			this.receivedKeys.add(key);
			Answer answer = this.plan.apply(this.requests.incrementAndGet());
			if (!answer.delay().isZero()) {
				this.heldBackKeys.add(key);
				pause(answer.delay());
			}
			String id = (answer.status() == 201) ? UUID.randomUUID().toString() : null;
			this.answers.put(key, new Answered(answer.status(), id));
			respond(exchange, answer.status(), id);
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	private void checkWellFormed(HttpExchange exchange, @Nullable String key, String body) {
		boolean wellFormed = exchange.getRequestMethod().equals("POST")
				&& exchange.getRequestURI().getPath().equals("/api/orders") && key != null
				&& "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
				&& body.matches("\\{\"customerEmail\":\"load-\\d+@example\\.com\",\"lines\":\\[.+]}");
		if (!wellFormed) {
			this.malformedRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
		}
	}

	private static void respond(HttpExchange exchange, int status, @Nullable String id) throws IOException {
		String json = (id != null) ? "{\"id\":\"" + id + "\",\"status\":\"ACCEPTED\"}"
				: "{\"title\":\"Service Unavailable\",\"status\":" + status + "}";
		exchange.getResponseHeaders()
			.set("Content-Type", (id != null) ? "application/json" : "application/problem+json");
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** How to answer one request. */
	record Answer(int status, Duration delay) {

		static Answer created() {
			return new Answer(201, Duration.ZERO);
		}

		static Answer unavailable() {
			return new Answer(503, Duration.ZERO);
		}

		Answer after(Duration delay) {
			return new Answer(this.status, delay);
		}

	}

	/** What the server answered for one key. */
	record Answered(int status, @Nullable String orderId) {

	}

}
