package com.example.shop.load;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The Gatling scenario: each virtual user places exactly one order with a fresh
 * idempotency key, and users arrive at a constant rate (an open workload). A closed
 * workload, a fixed pool of users each waiting for its answer before sending again, would
 * send less exactly when the server is slow, and so hide the slowness it should measure
 * (coordinated omission); here arrivals never wait for answers.
 * <p>
 * Every request ends in {@link #record}: the checks save the status, the response time
 * and the order's id into the session, and a request that got no answer at all (refused,
 * reset, timed out) has none of them, so it is recorded with an {@link ErrorKind}.
 */
public class OrdersSimulation extends Simulation {

	private static final String BODY = """
			{"customerEmail":"load-#{n}@example.com","lines":[{"sku":"MUG-01","quantity":1}]}""";

	private final Run run = Run.current();

	private final AtomicLong orderNumbers = new AtomicLong();

	public OrdersSimulation() {
		LoadOptions options = this.run.options();
		ScenarioBuilder orders = scenario("place orders").exec(prepare(), placeOrder(options.timeout()), record());
		setUp(orders.injectOpen(constantUsersPerSec(options.rate()).during(options.duration()))).protocols(protocol())
			.maxDuration(options.duration().plus(options.timeout()).plusSeconds(5));
	}

	/**
	 * Sends to the target only: no warm-up request (Gatling's default goes to its own web
	 * site), no redirects followed. Connections are shared between users so that a high
	 * rate does not run out of ports; the pool grows without limit, so a slow server
	 * never holds requests back.
	 */
	private HttpProtocolBuilder protocol() {
		return http.baseUrl(this.run.options().target().toString())
			.contentTypeHeader("application/json")
			.acceptHeader("application/json, application/problem+json")
			.userAgentHeader("orders-load")
			.disableWarmUp()
			.disableFollowRedirect()
			.disableCaching()
			.shareConnections();
	}

	private ChainBuilder prepare() {
		return exec((session) -> {
			this.run.stats().sent();
			return session.set("key", UUID.randomUUID().toString())
				.set("n", this.orderNumbers.incrementAndGet())
				.set("sentAt", System.currentTimeMillis())
				.set("sentNanos", System.nanoTime());
		});
	}

	private ChainBuilder placeOrder(Duration timeout) {
		return exec(http("place order").post("/api/orders")
			.header("Idempotency-Key", "#{key}")
			.body(StringBody(BODY))
			.requestTimeout(timeout)
			.check(status().saveAs("status"), responseTimeInMillis().saveAs("latencyMs"),
					jsonPath("$.id").optional().saveAs("orderId")));
	}

	private ChainBuilder record() {
		return exec((session) -> {
			this.run.completed(outcome(session));
			return session;
		});
	}

	private Outcome outcome(Session session) {
		String key = session.getString("key");
		long sentAt = session.getLong("sentAt");
		if (session.contains("status")) {
			return Outcome.answered(key, session.getInt("status"), session.getString("orderId"),
					session.getLong("latencyMs"), sentAt);
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - session.getLong("sentNanos"));
		return Outcome.failed(key, ErrorKind.of(elapsed, this.run.options().timeout()), elapsed.toMillis(), sentAt);
	}

	/**
	 * Gatling calls this once everything is set up, just before the first user arrives:
	 * the last moment to wait for {@code --start-on-input}'s signal.
	 */
	@Override
	public void before() {
		if (this.run.options().startOnInput()) {
			StartSignal.await(System.in, System.out);
		}
		this.run.reporter().start();
	}

	@Override
	public void after() {
		this.run.reporter().stop();
	}

}
