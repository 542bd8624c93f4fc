package com.example.shop.lab.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading the load generator's record file, and what a record says about the request.
 */
class ClientRecordTests {

	private static final String CREATED = """
			{"key":"k-created","status":201,"orderId":"009efd2f-88b4-436d-a284-8a19c3901afc","latencyMs":12,"error":null,"sentAt":1795568289803}""";

	private static final String REJECTED = """
			{"key":"k-rejected","status":503,"orderId":null,"latencyMs":2,"error":null,"sentAt":1795568289908}""";

	private static final String TIMED_OUT = """
			{"key":"k-timeout","status":null,"orderId":null,"latencyMs":5004,"error":"timeout","sentAt":1795568289700}""";

	@TempDir
	Path folder;

	@Test
	void readsAllThreeShapesSortedBySentAt() throws IOException {
		Path file = write(TIMED_OUT.replace("289700", "290012"), CREATED, REJECTED);

		List<ClientRecord> records = ClientRecord.read(file);

		assertThat(records).containsExactly(
				new ClientRecord("k-created", 201, UUID.fromString("009efd2f-88b4-436d-a284-8a19c3901afc"), 12, null,
						1795568289803L),
				new ClientRecord("k-rejected", 503, null, 2, null, 1795568289908L),
				new ClientRecord("k-timeout", null, null, 5004, "timeout", 1795568290012L));
	}

	@Test
	void readsCompletionOrderBackIntoSendingOrder() throws IOException {
		Path file = write(CREATED, REJECTED, TIMED_OUT);

		List<ClientRecord> records = ClientRecord.read(file);

		assertThat(records).extracting(ClientRecord::key).containsExactly("k-timeout", "k-created", "k-rejected");
	}

	@Test
	void ignoresBlankLines() throws IOException {
		Path file = write("", CREATED, "   ", "", REJECTED, "");

		List<ClientRecord> records = ClientRecord.read(file);

		assertThat(records).extracting(ClientRecord::key).containsExactly("k-created", "k-rejected");
	}

	@Test
	void namesFileAndLineOfAMalformedLine() throws IOException {
		Path file = write(CREATED, "", "{\"key\":\"k-cut\",\"status\":201,\"latenc", REJECTED);

		assertThatThrownBy(() -> ClientRecord.read(file)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(file + ":3:");
	}

	@Test
	void rejectsALineWithoutSentAt() throws IOException {
		Path file = write(CREATED, "{\"key\":\"k-undated\",\"status\":201,\"latencyMs\":4}");

		assertThatThrownBy(() -> ClientRecord.read(file)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(file + ":2:")
			.hasMessageContaining("sentAt");
	}

	@Test
	void reportsAMissingFileAsUncheckedIoError() {
		Path missing = this.folder.resolve("missing.jsonl");

		assertThatThrownBy(() -> ClientRecord.read(missing)).isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining("missing.jsonl");
	}

	@Test
	void onlyOkAndCreatedAreAcknowledged() {
		List<Integer> statuses = List.of(200, 201, 202, 400, 409, 500, 503);

		List<Integer> acknowledged = statuses.stream()
			.filter((status) -> new ClientRecord("k", status, null, 1, null, 0).acknowledged())
			.toList();

		assertThat(acknowledged).containsExactly(200, 201);
	}

	@Test
	void aRequestWithoutAnswerOrWithAnErrorStatusFailed() {
		ClientRecord noAnswer = new ClientRecord("k", null, null, 5000, "conn", 0);
		ClientRecord unavailable = new ClientRecord("k", 503, null, 2, null, 0);
		ClientRecord badRequest = new ClientRecord("k", 400, null, 2, null, 0);
		ClientRecord created = new ClientRecord("k", 201, UUID.randomUUID(), 2, null, 0);

		assertThat(noAnswer.failed()).isTrue();
		assertThat(unavailable.failed()).isTrue();
		assertThat(badRequest.failed()).isTrue();
		assertThat(created.failed()).isFalse();
	}

	@Test
	void endsWhenTheClientStoppedWaiting() {
		ClientRecord record = new ClientRecord("k", null, null, 5004, "timeout", 1_000);

		long endedAt = record.endedAt();

		assertThat(endedAt).isEqualTo(6_004);
	}

	private Path write(String... lines) throws IOException {
		return Files.writeString(this.folder.resolve("records.jsonl"), String.join("\n", lines) + "\n");
	}

}
