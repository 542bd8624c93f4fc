package com.example.shop.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.example.shop.orders.OrderPlaced;
import com.example.shop.orders.OrderRepository;
import com.example.shop.testsupport.TestAws;
import com.example.shop.testsupport.TestBucket;
import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;
import com.example.shop.testsupport.TestQueues;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web tier end to end, over real HTTP, against real PostgreSQL, SQS (ElasticMQ) and
 * S3 (S3Proxy) servers. No mocks: what these tests see is what a client would see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.server.port=0", "orders.instance-name=web-under-test",
				"orders.availability-zone=b",
				// the idempotency race needs all 20 requests inside at once; by default
				// an
				// instance admits 10 and sheds the rest (LoadSheddingTests covers that)
				"resilience4j.bulkhead.instances.api.max-concurrent-calls=20",
				"spring.datasource.hikari.maximum-pool-size=20" })
@Import({ TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class })
class WebApplicationTests {

	private static final String TWO_MUGS = """
			{"customerEmail": "ada@example.com", "lines": [{"sku": "MUG-01", "quantity": 2}]}""";

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OrderRepository orders;

	@Autowired
	private MeterRegistry meters;

	private Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port, this.json);
		TestQueues.purge();
	}

	@Test
	void placedOrderIsStoredAndItsEventReachesTheQueue() {
		Api.Response placed = this.api.placeOrder(newKey(), TWO_MUGS);

		assertThat(placed.status()).isEqualTo(201);
		String id = placed.body().get("id").asString();
		assertThat(placed.header("Location")).isEqualTo("/api/orders/" + id);
		assertThat(placed.body().get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(placed.body().get("totalCents").asLong()).isEqualTo(2400);
		assertThat(placed.body().get("lines").get(0).get("name").asString()).isEqualTo("Failover mug");
		OrderPlaced event = awaitEventFor(UUID.fromString(id));
		assertThat(event.totalCents()).isEqualTo(2400);
		assertThat(event.customerEmail()).isEqualTo("ada@example.com");
	}

	@Test
	void responsesSayWhichInstanceAndZoneServedThemAndCarryTheCorrelationId() {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.uri("/api/orders"))
			.header("Idempotency-Key", newKey())
			.header("Content-Type", "application/json")
			.header("X-Correlation-Id", "demo-42")
			.POST(HttpRequest.BodyPublishers.ofString(TWO_MUGS));

		Api.Response placed = this.api.send(request);
		Api.Response generated = this.api.get("/api/products");

		assertThat(placed.header("X-Served-By")).isEqualTo("web-under-test");
		assertThat(placed.header("X-Served-Zone")).isEqualTo("b");
		assertThat(placed.header("X-Correlation-Id")).isEqualTo("demo-42");
		assertThat(generated.header("X-Correlation-Id")).isNotBlank().isNotEqualTo("demo-42");
		Message message = awaitMessageFor(UUID.fromString(placed.body().get("id").asString()));
		assertThat(message.messageAttributes().get("correlationId").stringValue()).isEqualTo("demo-42");
	}

	@Test
	void exposesTheMetricsOperatorsWatch() {
		this.api.placeOrder(newKey(), TWO_MUGS);

		assertThat(this.meters.find("outbox.pending").gauge()).isNotNull();
		assertThat(this.meters.find("resilience4j.circuitbreaker.state").tag("name", "database").gauges()).isNotEmpty();
		assertThat(this.meters.find("resilience4j.bulkhead.available.concurrent.calls").tag("name", "api").gauge())
			.isNotNull();
		assertThat(this.meters.find("http.server.requests").tag("uri", "/api/orders").timer()).isNotNull();
	}

	@Test
	void pricesComeFromTheCatalogueNotTheClient() {
		String body = """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "TEE-01", "quantity": 1, "priceCents": 1}]}""";

		Api.Response placed = this.api.placeOrder(newKey(), body);

		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.body().get("totalCents").asLong()).isEqualTo(2500);
	}

	@Test
	void replayedKeyReturnsTheOriginalOrder() {
		String key = newKey();
		Api.Response first = this.api.placeOrder(key, TWO_MUGS);

		Api.Response replay = this.api.placeOrder(key, TWO_MUGS);

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body().get("id")).isEqualTo(first.body().get("id"));
		assertThat(ordersWithKey(key)).isOne();
	}

	@Test
	void sameKeyWithAnotherBodyIsRefused() {
		String key = newKey();
		this.api.placeOrder(key, TWO_MUGS);

		Api.Response reused = this.api.placeOrder(key, TWO_MUGS.replace("\"quantity\": 2", "\"quantity\": 3"));

		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reused.body().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(ordersWithKey(key)).isOne();
	}

	@Test
	void twentyParallelPostsWithOneKeyCreateExactlyOneOrder() throws Exception {
		String key = newKey();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> responses;

		try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
			responses = IntStream.range(0, 20).mapToObj((i) -> clients.submit(() -> {
				start.await();
				return this.api.placeOrder(key, TWO_MUGS);
			})).toList();
			start.countDown();
		}

		List<Api.Response> answered = responses.stream().map(WebApplicationTests::join).toList();
		assertThat(answered).extracting(Api.Response::status).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(answered).extracting((response) -> response.body().get("id").asString())
			.containsOnly(answered.getFirst().body().get("id").asString());
		assertThat(ordersWithKey(key)).isOne();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox WHERE aggregate_id = :id")
			.param("id", UUID.fromString(answered.getFirst().body().get("id").asString()))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void unknownSkuStoresNothing() {
		long ordersBefore = count("orders");
		long eventsBefore = count("outbox");
		String body = """
				{"customerEmail": "ada@example.com",
				 "lines": [{"sku": "MUG-01", "quantity": 1}, {"sku": "NOPE-01", "quantity": 1}]}""";

		Api.Response refused = this.api.placeOrder(newKey(), body);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("lines[1].sku");
		assertThat(count("orders")).isEqualTo(ordersBefore);
		assertThat(count("outbox")).isEqualTo(eventsBefore);
	}

	@Test
	void oversizedChunkedBodyIsRefusedWhileItIsRead() {
		byte[] huge = ("{\"customerEmail\": \"" + "a".repeat(100_000) + "@example.com\", \"lines\": []}").getBytes();
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.uri("/api/orders"))
			.header("Idempotency-Key", newKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));

		Api.Response refused = this.api.send(request);

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("body");
	}

	@Test
	void listsOrdersNewestFirstInKeysetPages() {
		List<String> placed = IntStream.range(0, 3)
			.mapToObj((i) -> this.api.placeOrder(newKey(), TWO_MUGS).body().get("id").asString())
			.toList();

		JsonNode firstPage = this.api.get("/api/orders?limit=2").body();
		JsonNode secondPage = this.api.get("/api/orders?limit=2&after=" + firstPage.get("next").asString()).body();

		assertThat(firstPage.get("orders").get(0).get("id").asString()).isEqualTo(placed.get(2));
		assertThat(firstPage.get("orders").get(1).get("id").asString()).isEqualTo(placed.get(1));
		assertThat(secondPage.get("orders").get(0).get("id").asString()).isEqualTo(placed.get(0));
	}

	@Test
	void receiptIsServedOnceTheOrderIsProcessed() {
		UUID id = UUID.fromString(this.api.placeOrder(newKey(), TWO_MUGS).body().get("id").asString());
		Api.Response notYet = this.api.get("/api/orders/" + id + "/receipt");
		byte[] pdf = "%PDF-1.7 a receipt".getBytes();
		String key = "receipts/" + id + ".pdf";
		try (S3Client s3 = TestAws.s3Client()) {
			s3.putObject((put) -> put.bucket(TestBucket.RECEIPTS).key(key), RequestBody.fromBytes(pdf));
		}
		this.orders.markProcessed(this.orders.findById(id).orElseThrow().processed(key, Instant.now()));

		Api.Response order = this.api.get("/api/orders/" + id);
		Api.Response receipt = this.api.get(order.body().get("receiptUrl").asString());

		assertThat(notYet.status()).isEqualTo(404);
		assertThat(notYet.header("Content-Type")).startsWith("application/problem+json");
		assertThat(order.body().get("status").asString()).isEqualTo("PROCESSED");
		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(receipt.bytes()).isEqualTo(pdf);
	}

	@Test
	void ordersAreAcceptedDuringAnSqsOutageAndTheirEventsDrainAfterwards() {
		TestQueues.stop();
		List<Api.Response> placed;
		try {
			placed = IntStream.range(0, 5).mapToObj((i) -> this.api.placeOrder(newKey(), TWO_MUGS)).toList();
			assertThat(placed).extracting(Api.Response::status).containsOnly(201);
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pendingEvents() >= 5);
		}
		finally {
			TestQueues.restart();
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> pendingEvents() == 0);
		assertThat(awaitEventsFor(
				placed.stream().map((response) -> UUID.fromString(response.body().get("id").asString())).toList()))
			.hasSize(5);
	}

	@Test
	void servesTheCatalogue() {
		JsonNode products = this.api.get("/api/products").body();

		assertThat(products.findValues("sku")).extracting(JsonNode::asString).contains("MUG-01", "TEE-01");
	}

	@Test
	void openApiDescriptionMatchesTheApi() {
		JsonNode paths = this.api.get("/v3/api-docs").body().get("paths");

		assertThat(paths.propertyNames()).contains("/api/orders", "/api/orders/{id}", "/api/orders/{id}/receipt",
				"/api/products");
		JsonNode post = paths.get("/api/orders").get("post");
		JsonNode idempotencyKey = post.get("parameters").get(0);
		assertThat(idempotencyKey.get("name").asString()).isEqualTo("Idempotency-Key");
		assertThat(idempotencyKey.get("in").asString()).isEqualTo("header");
		assertThat(idempotencyKey.get("required").asBoolean()).isTrue();
		assertThat(paths.get("/api/orders").get("get").findValues("name")).extracting(JsonNode::asString)
			.contains("status", "after", "limit");
	}

	private OrderPlaced awaitEventFor(UUID orderId) {
		return awaitEventsFor(List.of(orderId)).getFirst();
	}

	private Message awaitMessageFor(UUID orderId) {
		Map<UUID, Message> received = new ConcurrentHashMap<>();
		awaitMessages(List.of(orderId), received);
		return received.get(orderId);
	}

	/** Receives from the orders queue until an event for each order has arrived. */
	private List<OrderPlaced> awaitEventsFor(List<UUID> orderIds) {
		Map<UUID, Message> received = new ConcurrentHashMap<>();
		awaitMessages(orderIds, received);
		return orderIds.stream().map((id) -> this.json.readValue(received.get(id).body(), OrderPlaced.class)).toList();
	}

	private void awaitMessages(List<UUID> orderIds, Map<UUID, Message> received) {
		try (SqsClient sqs = TestAws.sqsClient()) {
			String url = sqs.getQueueUrl((request) -> request.queueName(TestQueues.ORDERS)).queueUrl();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (Message message : sqs
					.receiveMessage((request) -> request.queueUrl(url)
						.maxNumberOfMessages(10)
						.waitTimeSeconds(1)
						.messageAttributeNames("All"))
					.messages()) {
					OrderPlaced event = this.json.readValue(message.body(), OrderPlaced.class);
					received.put(event.orderId(), message);
					sqs.deleteMessage((request) -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
				}
				return received.keySet().containsAll(orderIds);
			});
		}
	}

	private long ordersWithKey(String key) {
		return this.jdbc.sql("SELECT count(*) FROM orders WHERE idempotency_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private long pendingEvents() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL").query(Long.class).single();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	private static Api.Response join(Future<Api.Response> response) {
		try {
			return response.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
