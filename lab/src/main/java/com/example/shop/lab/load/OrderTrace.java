package com.example.shop.lab.load;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.standins.AwsClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One order placed through the load balancer and followed through the system, each step
 * printed as it happens: the API's answer and who gave it, the outbox relay sending its
 * event, a worker processing it, its receipt in S3, and the receipt downloaded through
 * the API. The first thing a workshop does ({@code bin/lab order}).
 */
final class OrderTrace {

	private static final String BASE = "http://127.0.0.1:" + Ports.LOAD_BALANCER;

	private static final Duration FOLLOW_TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final LabPaths paths;

	private final PrintWriter out;

	OrderTrace(LabPaths paths, PrintWriter out) {
		this.paths = paths;
		this.out = out;
	}

	/**
	 * Places an order and follows it until its receipt is downloaded.
	 * @param email the customer's e-mail
	 * @throws LabException naming the step that did not happen
	 * @throws Exception if the API cannot be reached
	 */
	void follow(String email) throws Exception {
		String key = UUID.randomUUID().toString();
		String body = """
				{"customerEmail": "%s", "lines": [{"sku": "MUG-01", "quantity": 2}, {"sku": "STICK-01", "quantity": 1}]}"""
			.formatted(email);
		long start = System.nanoTime();
		HttpResponse<String> placed = this.http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/orders"))
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		this.out.printf("1. POST %s/api/orders  Idempotency-Key: %s%n   -> %d in %d ms, served by %s in zone %s%n",
				BASE, key, placed.statusCode(), millisSince(start),
				placed.headers().firstValue("X-Lab-Server").orElse("?"),
				placed.headers().firstValue("X-Served-Zone").orElse("?"));
		if (placed.statusCode() != 201) {
			throw new LabException("the order was not accepted: " + placed.body());
		}
		JsonNode order = this.json.readTree(placed.body());
		UUID id = UUID.fromString(order.get("id").asString());
		this.out.printf("   order %s is %s, total %.2f (prices from the catalogue)%n", id,
				order.get("status").asString(), order.get("totalCents").asLong() / 100.0);
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			followOutbox(probe, id, start);
			followStatus(id, start);
			checkBucket(probe, id);
		}
		downloadReceipt(id);
	}

	private void followOutbox(SystemProbe probe, UUID id, long start) {
		if (!Await.until(FOLLOW_TIMEOUT, () -> probe.orders().eventSent(id))) {
			throw new LabException("the OrderPlaced event is still in the outbox; is SQS up? (bin/lab status)");
		}
		this.out.printf("2. the outbox relay sent OrderPlaced to SQS queue '%s' (%d ms after the POST)%n",
				AwsClients.QUEUE, millisSince(start));
	}

	private void followStatus(UUID id, long start) {
		boolean processed = Await.until(FOLLOW_TIMEOUT, () -> "PROCESSED".equals(status(id)));
		if (!processed) {
			throw new LabException("the order is still " + status(id) + "; is a worker up? (bin/lab status)");
		}
		this.out.printf("3. a worker rendered the receipt; the order is PROCESSED (%d ms after the POST)%n",
				millisSince(start));
	}

	private void checkBucket(SystemProbe probe, UUID id) {
		String key = "receipts/" + id + ".pdf";
		this.out.printf("4. the receipt is in S3: s3://%s/%s (%d bytes)%n", AwsClients.BUCKET, key,
				probe.bucket().size(key));
	}

	private void downloadReceipt(UUID id) throws Exception {
		String url = BASE + "/api/orders/" + id + "/receipt";
		HttpResponse<byte[]> receipt = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (receipt.statusCode() != 200) {
			throw new LabException("GET " + url + " answered " + receipt.statusCode());
		}
		Path saved = Files.createDirectories(this.paths.state().resolve("receipts")).resolve(id + ".pdf");
		Files.write(saved, receipt.body());
		this.out.printf("5. GET %s%n   -> 200 %s, %d bytes, saved to %s%n", url,
				receipt.headers().firstValue("Content-Type").orElse("?"), receipt.body().length,
				this.paths.repo().relativize(saved));
	}

	private String status(UUID id) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(BASE + "/api/orders/" + id)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? this.json.readTree(response.body()).get("status").asString()
					: "unknown (" + response.statusCode() + ")";
		}
		catch (Exception ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
