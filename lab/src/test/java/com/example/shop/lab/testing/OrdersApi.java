package com.example.shop.lab.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.example.shop.lab.host.Ports;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The orders API through the lab's load balancer, as a customer calls it. */
public final class OrdersApi {

	public static final String LOAD_BALANCER = "http://127.0.0.1:" + Ports.LOAD_BALANCER;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OrdersApi() {
	}

	public static HttpResponse<String> placeOrder() throws IOException, InterruptedException {
		return placeOrder(UUID.randomUUID().toString());
	}

	public static HttpResponse<String> placeOrder(String idempotencyKey) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(LOAD_BALANCER + "/api/orders"))
			.header("Idempotency-Key", idempotencyKey)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"customerEmail\": \"lab@example.com\", \"lines\": [{\"sku\": \"TEE-01\", \"quantity\": 1}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Places orders one after the other, each of which must be accepted.
	 * @param count how many
	 * @return their ids
	 */
	public static List<UUID> placeOrders(int count) throws IOException, InterruptedException {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			HttpResponse<String> response = placeOrder();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			ids.add(id(response));
		}
		return ids;
	}

	public static UUID id(HttpResponse<String> response) {
		return UUID.fromString(JSON.readTree(response.body()).get("id").asString());
	}

	public static String status(UUID id) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(LOAD_BALANCER + "/api/orders/" + id)).build(),
					HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body()).get("status").asString();
		}
		catch (Exception ex) {
			return "unknown: " + ex.getMessage();
		}
	}

	/** An SQL list of order ids, for queries straight to a database node. */
	public static String sqlList(List<UUID> ids) {
		return String.join(",", ids.stream().map((id) -> "'" + id + "'").toList());
	}

}
