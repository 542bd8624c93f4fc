package com.example.shop.lab.load;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places one order through the load balancer and follows it through the system, printing
 * each step: the first thing a workshop does.
 */
@Command(name = "order",
		description = "Place one order through the load balancer and follow it until its receipt " + "is in S3.")
public class OrderCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	private static final String BASE = "http://127.0.0.1:" + Ports.LOAD_BALANCER;

	private static final Duration FOLLOW_TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Option(names = "--email", defaultValue = "workshop@example.com", description = "the customer's email")
	String email;

	@Override
	public Integer call() throws Exception {
		LabPaths paths = LabPaths.fromSystem();
		String key = UUID.randomUUID().toString();
		String body = """
				{"customerEmail": "%s", "lines": [{"sku": "MUG-01", "quantity": 2}, {"sku": "STICK-01", "quantity": 1}]}"""
			.formatted(this.email);
		long start = System.nanoTime();
		HttpResponse<String> placed = this.http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/orders"))
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		out().printf("1. POST %s/api/orders  Idempotency-Key: %s%n   -> %d in %d ms, served by %s in zone %s%n", BASE,
				key, placed.statusCode(), millisSince(start), placed.headers().firstValue("X-Lab-Server").orElse("?"),
				placed.headers().firstValue("X-Served-Zone").orElse("?"));
		if (placed.statusCode() != 201) {
			throw new LabException("the order was not accepted: " + placed.body());
		}
		JsonNode order = this.json.readTree(placed.body());
		UUID id = UUID.fromString(order.get("id").asString());
		out().printf("   order %s is %s, total %.2f (prices from the catalogue)%n", id, order.get("status").asString(),
				order.get("totalCents").asLong() / 100.0);
		followOutbox(paths, id, start);
		followStatus(id, start);
		checkBucket(id);
		downloadReceipt(paths, id);
		return 0;
	}

	private void followOutbox(LabPaths paths, UUID id, long start) throws SQLException {
		Secrets secrets = Secrets.loadOrCreate(paths);
		try (Connection db = DriverManager.getConnection(Database.jdbcUrl(), "orders", secrets.databasePassword());
				PreparedStatement sent = db
					.prepareStatement("SELECT sent_at IS NOT NULL FROM outbox WHERE aggregate_id = ?")) {
			sent.setObject(1, id);
			boolean relayed = Processes.await(FOLLOW_TIMEOUT, () -> {
				try (ResultSet rs = sent.executeQuery()) {
					return rs.next() && rs.getBoolean(1);
				}
				catch (SQLException ex) {
					return false;
				}
			});
			if (!relayed) {
				throw new LabException("the OrderPlaced event is still in the outbox; is SQS up? (bin/lab status)");
			}
		}
		out().printf("2. the outbox relay sent OrderPlaced to SQS queue '%s' (%d ms after the POST)%n",
				AwsClients.QUEUE, millisSince(start));
	}

	private void followStatus(UUID id, long start) {
		boolean processed = Processes.await(FOLLOW_TIMEOUT, () -> "PROCESSED".equals(status(id)));
		if (!processed) {
			throw new LabException("the order is still " + status(id) + "; is a worker up? (bin/lab status)");
		}
		out().printf("3. a worker rendered the receipt; the order is PROCESSED (%d ms after the POST)%n",
				millisSince(start));
	}

	private void checkBucket(UUID id) {
		String key = "receipts/" + id + ".pdf";
		try (S3Client s3 = AwsClients.s3()) {
			long size = s3.headObject((request) -> request.bucket(AwsClients.BUCKET).key(key)).contentLength();
			out().printf("4. the receipt is in S3: s3://%s/%s (%d bytes)%n", AwsClients.BUCKET, key, size);
		}
	}

	private void downloadReceipt(LabPaths paths, UUID id) throws Exception {
		String url = BASE + "/api/orders/" + id + "/receipt";
		HttpResponse<byte[]> receipt = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (receipt.statusCode() != 200) {
			throw new LabException("GET " + url + " answered " + receipt.statusCode());
		}
		Path saved = Files.createDirectories(paths.state().resolve("receipts")).resolve(id + ".pdf");
		Files.write(saved, receipt.body());
		out().printf("5. GET %s%n   -> 200 %s, %d bytes, saved to %s%n", url,
				receipt.headers().firstValue("Content-Type").orElse("?"), receipt.body().length,
				paths.repo().relativize(saved));
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

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	private PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

}
