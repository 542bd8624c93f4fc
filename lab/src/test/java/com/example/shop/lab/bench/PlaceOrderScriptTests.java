package com.example.shop.lab.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import com.example.shop.catalog.Product;
import com.example.shop.catalog.ProductRepository;
import com.example.shop.orders.Order;
import com.example.shop.orders.OrderLine;
import com.example.shop.orders.OrderPlaced;
import com.example.shop.orders.OrderRepository;
import com.example.shop.orders.OrderStatus;
import com.example.shop.outbox.OutboxEvent;
import com.example.shop.outbox.OutboxRepository;
import com.example.shop.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest bench's pgbench script against the real thing: run on a database migrated
 * with {@code core}'s own migrations, its transaction must leave what
 * {@code OrderService.placeOrder} leaves, as {@code core}'s repositories read it: an
 * accepted order with its line priced from the catalogue, found by its idempotency key,
 * and one {@code OrderPlaced} event in the outbox whose payload is the contract's JSON
 * for that order. A schema change (a new column the insert does not fill, a renamed one),
 * a catalogue change or a new field in {@link OrderPlaced} fails here instead of leaving
 * the bench measuring a transaction the application no longer runs.
 */
class PlaceOrderScriptTests {

	private static final String DATABASE = "place_order_script";

	private static DriverManagerDataSource dataSource;

	@BeforeAll
	static void migrateAScratchDatabase() throws Exception {
		TestDatabase.Server server = TestDatabase.get();
		try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
			statement.execute("CREATE DATABASE " + DATABASE);
		}
		String url = server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
		dataSource = new DriverManagerDataSource(url, server.username(), server.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
	}

	@Test
	void theScriptStoresWhatPlacingAnOrderStores() throws Exception {
		String key = "bench-" + UUID.randomUUID();

		UUID id = runScript(key, 2);

		JdbcClient jdbc = JdbcClient.create(dataSource);
		Product mug = new ProductRepository(jdbc).findBySkus(List.of("MUG-01")).get("MUG-01");
		Order order = new OrderRepository(jdbc).findById(id).orElseThrow();
		assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
		assertThat(order.lines()).containsExactly(new OrderLine(mug.sku(), mug.name(), mug.priceCents(), 2));
		assertThat(order.totalCents()).isEqualTo(2 * mug.priceCents());
		assertThat(new OrderRepository(jdbc).findByIdempotencyKey(key))
			.hasValueSatisfying((request) -> assertThat(request.orderId()).isEqualTo(id));
		List<OutboxEvent> events = new OutboxRepository(jdbc).lockPending(10);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.eventType()).isEqualTo(OrderPlaced.TYPE);
			assertThat(event.aggregateId()).isEqualTo(id);
			assertThat(JsonMapper.builder().build().readValue(event.payload(), OrderPlaced.class))
				.isEqualTo(OrderPlaced.of(order));
		});
	}

	/**
	 * Runs the script's transaction as pgbench would, with its variables set: the key,
	 * the quantity, and the order id the insert returns ({@code \gset}).
	 */
	private static UUID runScript(String key, int quantity) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			UUID id = null;
			for (String line : IngestBench.SCRIPT.lines().map(String::strip).toList()) {
				if (line.isEmpty() || line.startsWith("\\set")) {
					continue;
				}
				String sql = line.replace(":k", "'" + key + "'")
					.replace(":qty", String.valueOf(quantity))
					.replace(":id", "'" + id + "'");
				if (sql.endsWith("\\gset")) {
					try (ResultSet returned = statement
						.executeQuery(sql.substring(0, sql.length() - "\\gset".length()))) {
						assertThat(returned.next()).as("the insert returned the order's id").isTrue();
						id = returned.getObject(1, UUID.class);
					}
				}
				else {
					statement.execute(sql);
				}
			}
			assertThat(id).as("the script inserted an order").isNotNull();
			return id;
		}
	}

}
