package com.example.shop.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the end-to-end tests: what a customer's program would send. */
final class Api {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final JsonMapper json;

	Api(int port, JsonMapper json) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.json = json;
	}

	Response placeOrder(String idempotencyKey, String body) {
		return send(HttpRequest.newBuilder(uri("/api/orders"))
			.header("Idempotency-Key", idempotencyKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response, this.json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	record Response(HttpResponse<byte[]> raw, JsonMapper json) {

		int status() {
			return this.raw.statusCode();
		}

		String header(String name) {
			return this.raw.headers().firstValue(name).orElse("");
		}

		JsonNode body() {
			return this.json.readTree(this.raw.body());
		}

		byte[] bytes() {
			return this.raw.body();
		}

	}

}
