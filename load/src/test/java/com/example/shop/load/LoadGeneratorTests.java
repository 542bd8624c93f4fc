package com.example.shop.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.example.shop.load.OrdersApiStub.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the generator for real, against a real HTTP server on a loopback port, and holds
 * what it printed and recorded against what the server saw and answered. Rates and
 * durations are small; no latency value is asserted, only counts, keys and statuses.
 */
class LoadGeneratorTests {

	@TempDir
	Path directory;

	@Test
	void recordsEveryOrderWithTheKeyTheServerReceived() throws IOException {
		try (OrdersApiStub api = OrdersApiStub.start((n) -> Answer.created())) {

			LoadRun run = run(api, "--rate", "20", "--duration", "3s");

			assertThat(run.exitCode()).isZero();
			assertThat(run.records()).hasSizeBetween(48, 72);
			assertThat(keys(run.records())).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(api.receivedKeys());
			assertThat(run.records()).allSatisfy((record) -> {
				assertThat(record.get("status").asInt()).isEqualTo(201);
				assertThat(record.get("orderId").asText())
					.isEqualTo(api.answers().get(record.get("key").asText()).orderId());
				assertThat(record.get("error").isNull()).isTrue();
				assertThat(record.get("latencyMs").isIntegralNumber()).isTrue();
				assertThat(record.get("sentAt").asLong()).isPositive();
			});
			assertThat(api.malformedRequests()).isEmpty();
		}
	}

	@Test
	void counts503sAs5xxInItsLinesAndRecordsTheStatusTheServerSent() throws IOException {
		try (OrdersApiStub api = OrdersApiStub.start((n) -> (n % 5 == 0) ? Answer.unavailable() : Answer.created())) {

			LoadRun run = run(api, "--rate", "20", "--duration", "2s");

			assertThat(run.out()).allMatch((line) -> LoadRun.LINE.matcher(line).matches());
			assertThat(run.secondLines()).hasSizeBetween(2, 4);
			assertThat(run.records()).allSatisfy((record) -> assertThat(record.get("status").asInt())
				.isEqualTo(api.answers().get(record.get("key").asText()).status()));
			long unavailable = run.records().stream().filter((record) -> record.get("status").asInt() == 503).count();
			assertThat(unavailable).isEqualTo(api.answers().values().stream().filter((a) -> a.status() == 503).count())
				.isPositive();
			assertThat(LoadRun.count(run.summary(), "5xx")).isEqualTo(unavailable);
			assertThat(run.records()).filteredOn((record) -> record.get("status").asInt() == 503)
				.allSatisfy((record) -> assertThat(record.get("orderId").isNull()).isTrue());
			for (String count : List.of("sent", "2xx", "5xx")) {
				assertThat(sum(run.secondLines(), count)).as(count).isEqualTo(LoadRun.count(run.summary(), count));
			}
			assertThat(LoadRun.count(run.summary(), "sent")).isEqualTo(run.records().size());
		}
	}

	@Test
	void recordsRefusedConnectionsAsConnectionErrorsAndStillExitsZero() throws IOException {
		int closedPort = closedPort();

		LoadRun run = LoadRun.of(record(), "--target", "http://127.0.0.1:" + closedPort, "--rate", "10", "--duration",
				"1s", "--record", record().toString(), "--quiet");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).singleElement().asString().startsWith("total ");
		assertThat(run.records()).hasSizeBetween(8, 12).allSatisfy((record) -> {
			assertThat(record.get("status").isNull()).isTrue();
			assertThat(record.get("error").asText()).isEqualTo("conn");
		});
		assertThat(LoadRun.count(run.summary(), "conn")).isEqualTo(run.records().size());
	}

	@Test
	void recordsAnswersSlowerThanTheTimeoutAsTimeouts() throws IOException {
		Answer slow = Answer.created().after(Duration.ofMillis(1500));
		try (OrdersApiStub api = OrdersApiStub.start((n) -> (n % 3 == 0) ? slow : Answer.created())) {

			LoadRun run = run(api, "--rate", "10", "--duration", "1s", "--timeout", "500ms");

			assertThat(run.records()).filteredOn((record) -> "timeout".equals(record.get("error").asText(null)))
				.extracting((record) -> record.get("key").asText())
				.containsExactlyInAnyOrderElementsOf(api.heldBackKeys());
			assertThat(run.records()).filteredOn((record) -> record.get("error").isNull())
				.allSatisfy((record) -> assertThat(record.get("status").asInt()).isEqualTo(201));
			assertThat(LoadRun.count(run.summary(), "timeout")).isEqualTo(api.heldBackKeys().size()).isPositive();
		}
	}

	@Test
	void keepsSendingOnScheduleWhileTheServerIsSlow() throws IOException {
		Answer slow = Answer.created().after(Duration.ofSeconds(1));
		try (OrdersApiStub api = OrdersApiStub.start((n) -> slow)) {

			LoadRun run = run(api, "--rate", "20", "--duration", "2s");

			assertThat(run.records()).hasSizeBetween(32, 48)
				.allSatisfy((record) -> assertThat(record.get("status").asInt()).isEqualTo(201));
			assertThat(api.maxInFlight()).as("requests the server held at once").isGreaterThanOrEqualTo(10);
		}
	}

	private LoadRun run(OrdersApiStub api, String... args) {
		String[] common = { "--target", api.uri().toString(), "--record", record().toString() };
		return LoadRun.of(record(), concat(common, args));
	}

	private Path record() {
		return this.directory.resolve("record.jsonl");
	}

	private static String[] concat(String[] first, String[] second) {
		return IntStream.range(0, first.length + second.length)
			.mapToObj((i) -> (i < first.length) ? first[i] : second[i - first.length])
			.toArray(String[]::new);
	}

	private static List<String> keys(List<JsonNode> records) {
		return records.stream().map((record) -> record.get("key").asText()).toList();
	}

	private static long sum(List<String> lines, String count) {
		return lines.stream().mapToLong((line) -> LoadRun.count(line, count)).sum();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
