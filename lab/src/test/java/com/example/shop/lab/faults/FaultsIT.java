package com.example.shop.lab.faults;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.example.shop.lab.Lab;
import com.example.shop.lab.fleet.DatabasePair;
import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.probe.NodeRole;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Endpoints;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.FaultProxies;
import com.example.shop.lab.testing.OrdersApi;
import com.example.shop.lab.testing.RunningLab;
import com.example.shop.lab.testing.SharedLab;
import com.example.shop.lab.testing.SteadyLoad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bin/lab fault} against the real lab: each fault is injected for real (the fault
 * proxy in the network path, signals, PostgreSQL's own tools), ends by itself, and the
 * system behaves as the reliability rules promise. The poison messages are sent first,
 * because they take a minute or two to reach the dead-letter queue; the last test checks
 * that they did. It leaves them there and the other node primary (after its failover):
 * the shared lab empties the dead-letter queue, and fails back before a test that needs
 * {@code db-a} as the primary.
 */
@ExtendWith(SharedLab.class)
@SharedLab.RunsFrom(anyPrimary = true)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

	private static final int POISON = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static int poisonExit;

	@BeforeAll
	static void poisonTheQueue() {
		poisonExit = RunningLab.lab("fault", "poison", "--count", String.valueOf(POISON));
	}

	@Test
	@Order(1)
	void controlSocketIsForTheLabsUserOnly() throws Exception {
		assertThat(Files.getPosixFilePermissions(RunningLab.paths().faultsSocket()))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	@Order(2)
	void databaseOutageIsAFast503UntilItEndsByItselfWhileEveryInstanceStaysReady() throws Exception {
		ReadinessWatch readiness = ReadinessWatch.start();
		SteadyLoad load = SteadyLoad.start(OrdersApi.LOAD_BALANCER, Duration.ofMillis(100));
		Thread.sleep(Duration.ofSeconds(2));

		Instant cut = Instant.now();
		int exit = RunningLab.lab("fault", "db-outage", "--for", "5s");
		Instant restored = Instant.now();
		Thread.sleep(Duration.ofSeconds(12));
		List<SteadyLoad.Outcome> outcomes = load.stop();
		Map<String, List<Integer>> ready = readiness.stop();

		assertThat(exit).isZero();
		assertThat(Duration.between(cut, restored)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(8));
		List<SteadyLoad.Outcome> duringCut = sentBetween(outcomes, cut.plusSeconds(2), restored);
		assertThat(duringCut).extracting(SteadyLoad.Outcome::status).contains(503).doesNotContain(0, 500);
		assertThat(duringCut).filteredOn((outcome) -> outcome.status() == 503)
			.allMatch((outcome) -> outcome.retryAfter() != null, "503 with Retry-After");
		List<SteadyLoad.Outcome> lastThreeSeconds = sentBetween(outcomes, outcomes.getLast().sentAt().minusSeconds(3),
				Instant.MAX);
		assertThat(lastThreeSeconds).as("orders accepted again").isNotEmpty().allMatch((o) -> o.status() == 201);
		printWindow("db-outage", outcomes, restored);
		assertThat(ready).as("/readyz of every instance during the outage")
			.containsOnlyKeys("web-1", "web-2", "worker-1")
			.allSatisfy((instance, statuses) -> assertThat(statuses).isNotEmpty().containsOnly(200));
	}

	@Test
	@Order(3)
	void sqsOutageKeepsAcceptingOrdersAndTheirEventsFollowWhenItEnds() throws Exception {
		CompletableFuture<Integer> fault = inBackground("sqs-outage", "--for", "5s");
		Thread.sleep(Duration.ofMillis(500));

		List<UUID> placed = OrdersApi.placeOrders(5);
		Thread.sleep(Duration.ofSeconds(1));
		String unsent = primaryQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND aggregate_id IN ("
				+ OrdersApi.sqlList(placed) + ")");
		assertThat(fault.join()).isZero();

		assertThat(unsent).as("events held in the outbox during the outage").isEqualTo("5");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> placed.stream().allMatch((id) -> "PROCESSED".equals(OrdersApi.status(id))));
	}

	@Test
	@Order(4)
	void s3OutageDelaysReceiptsAndNoMessageIsDeadLettered() throws Exception {
		CompletableFuture<Integer> fault = inBackground("s3-outage", "--for", "5s");
		Thread.sleep(Duration.ofMillis(500));

		List<UUID> placed = OrdersApi.placeOrders(3);
		Thread.sleep(Duration.ofSeconds(3));
		List<String> duringOutage = placed.stream().map(OrdersApi::status).toList();
		assertThat(fault.join()).isZero();

		assertThat(duringOutage).as("no receipt while S3 is cut").containsOnly("ACCEPTED");
		// a message in the DLQ would leave its order ACCEPTED for good
		await().atMost(Duration.ofSeconds(60))
			.until(() -> placed.stream().allMatch((id) -> "PROCESSED".equals(OrdersApi.status(id))));
	}

	@Test
	@Order(5)
	void slowDatabaseMakesOrdersSlowerButTheySucceed() throws Exception {
		long before = timeOneOrder();
		CompletableFuture<Integer> fault = inBackground("db-slow", "--latency", "150ms", "--for", "5s");
		Thread.sleep(Duration.ofMillis(500));

		List<Long> duringSlowdown = new ArrayList<>();
		while (!fault.isDone() && duringSlowdown.size() < 2) {
			duringSlowdown.add(timeOneOrder());
		}
		assertThat(fault.join()).isZero();
		long after = timeOneOrder();

		System.out.printf("db-slow 150ms: one order took %d ms before, %s ms during, %d ms after%n", before,
				duringSlowdown, after);
		assertThat(duringSlowdown).isNotEmpty().allMatch((millis) -> millis > 300, "at least 2 slow round trips");
		assertThat(after).isLessThan(duringSlowdown.getFirst());
	}

	@Test
	@Order(6)
	void proxyRestoresACutRouteByItselfWhenNobodyDoes() {
		FaultProxies proxies = new FaultProxies(RunningLab.paths());
		String s3 = "http://127.0.0.1:" + Ports.PROXY_S3 + "/";
		assertThat(Endpoints.httpStatus(s3)).as("S3 answers through the proxy").isNotZero();

		String answer = proxies.send("cut s3 2s");

		assertThat(answer).startsWith("s3 9001->9000 cut");
		assertThat(Endpoints.httpStatus(s3)).as("S3 through the cut route").isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> proxies.status().contains("s3 9001->9000 pass"));
		assertThat(Endpoints.httpStatus(s3)).isNotZero();
	}

	@Test
	@Order(7)
	void databaseFailoverLeavesANewPrimaryWithASynchronousStandbyThatSurvivesARestart() throws Exception {
		DatabaseNode before = primary();

		int exit = RunningLab.lab("fault", "db-failover");
		DatabasePair database = RunningLab.database();
		LabState state = LabState.load(RunningLab.paths());
		database.down(state);
		database.up(state);

		assertThat(exit).isZero();
		JsonNode status = statusJson();
		assertThat(status.get("databasePrimary").asString()).isEqualTo(before.other().name());
		try (SystemProbe probe = RunningLab.probe()) {
			assertThat(probe.database().role(before)).isEqualTo(NodeRole.STANDBY);
			assertThat(probe.database().synchronousStandbys()).isOne();
		}
		List<UUID> placed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			placed.add(placeOrderEventually());
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> database.nodes()
				.postgres()
				.query(before, "orders", "SELECT count(*) FROM orders WHERE id IN (" + OrdersApi.sqlList(placed) + ")"),
					"5"::equals);
	}

	@Test
	@Order(8)
	void poisonMessagesEndInTheDeadLetterQueue() {
		assertThat(poisonExit).isZero();

		try (SystemProbe probe = RunningLab.probe()) {
			await().atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> probe.queues().depth(AwsClients.DLQ).orElse(0), (depth) -> depth >= POISON);
			assertThat(probe.queues().depth(AwsClients.DLQ)).as("only the poison").hasValue(POISON);
		}
	}

	private static CompletableFuture<Integer> inBackground(String... fault) {
		List<String> args = new ArrayList<>(List.of("fault"));
		args.addAll(List.of(fault));
		return CompletableFuture.supplyAsync(() -> RunningLab.lab(args.toArray(String[]::new)));
	}

	private static long timeOneOrder() throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = OrdersApi.placeOrder();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	/** Retries with one key until the order is accepted: once, whatever the retries. */
	private static UUID placeOrderEventually() throws Exception {
		String key = UUID.randomUUID().toString();
		Instant deadline = Instant.now().plusSeconds(30);
		HttpResponse<String> response = OrdersApi.placeOrder(key);
		while (response.statusCode() != 201 && response.statusCode() != 200 && Instant.now().isBefore(deadline)) {
			Thread.sleep(Duration.ofMillis(500));
			response = OrdersApi.placeOrder(key);
		}
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
		return OrdersApi.id(response);
	}

	private static String primaryQuery(String sql) {
		return RunningLab.database().nodes().postgres().query(primary(), "orders", sql);
	}

	private static DatabaseNode primary() {
		try (SystemProbe probe = RunningLab.probe()) {
			return probe.database().requirePrimary();
		}
	}

	private static JsonNode statusJson() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Lab.execute(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "status", "--json");
		return JSON.readTree(out.toString(StandardCharsets.UTF_8));
	}

	private static List<SteadyLoad.Outcome> sentBetween(List<SteadyLoad.Outcome> outcomes, Instant from, Instant to) {
		return outcomes.stream()
			.filter((outcome) -> !outcome.sentAt().isBefore(from) && outcome.sentAt().isBefore(to))
			.toList();
	}

	private static void printWindow(String fault, List<SteadyLoad.Outcome> outcomes, Instant restored) {
		Instant lastFailure = outcomes.stream()
			.filter((outcome) -> outcome.status() != 201)
			.map(SteadyLoad.Outcome::sentAt)
			.max(Instant::compareTo)
			.orElse(restored);
		System.out.printf("%s: %d requests, %d answered 503, orders accepted again %d ms after the fault ended%n",
				fault, outcomes.size(), outcomes.stream().filter((outcome) -> outcome.status() == 503).count(),
				Math.max(0, Duration.between(restored, lastFailure).toMillis()));
	}

	/** Asks every instance's {@code /readyz} twice a second, and keeps the answers. */
	private static final class ReadinessWatch {

		private final Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		private ReadinessWatch() {
			this.thread = Thread.ofVirtual().start(this::watch);
		}

		static ReadinessWatch start() {
			return new ReadinessWatch();
		}

		Map<String, List<Integer>> stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join();
			return Map.copyOf(this.statuses);
		}

		private void watch() {
			List<LabState.Component> instances = LabState.load(RunningLab.paths())
				.components()
				.stream()
				.filter((component) -> component.kind().equals("web") || component.kind().equals("worker"))
				.toList();
			while (this.running.get()) {
				for (LabState.Component instance : instances) {
					int status = Endpoints.httpStatus("http://127.0.0.1:" + instance.port() + "/readyz");
					this.statuses.computeIfAbsent(instance.name(), (name) -> new ArrayList<>()).add(status);
				}
				Await.sleep(Duration.ofMillis(500));
			}
		}

	}

}
