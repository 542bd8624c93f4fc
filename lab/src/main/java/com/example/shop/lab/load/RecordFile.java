package com.example.shop.lab.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator's record file, one JSON object per line. Each line is read as a tree
 * and checked field by field, so that a truncated or hand-edited line stops the report
 * with its line number instead of silently counting as a request with latency 0.
 */
final class RecordFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RecordFile() {
	}

	static List<ClientRecord> read(Path jsonl) {
		List<ClientRecord> records = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (!line.isBlank()) {
					records.add(parse(jsonl, number, line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + jsonl, ex);
		}
		records.sort(Comparator.comparingLong(ClientRecord::sentAt));
		return List.copyOf(records);
	}

	private static ClientRecord parse(Path file, int number, String line) {
		try {
			JsonNode node = JSON.readTree(line);
			if (!node.isObject()) {
				throw new IllegalArgumentException("not a JSON object");
			}
			return new ClientRecord(node.required("key").stringValue(), optionalInt(node, "status"),
					optionalUuid(node, "orderId"), node.required("latencyMs").longValue(),
					optionalString(node, "error"), node.required("sentAt").longValue());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new IllegalArgumentException(file + ":" + number + ": malformed record: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable Integer optionalInt(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.intValue();
	}

	private static @Nullable UUID optionalUuid(JsonNode node, String field) {
		String value = optionalString(node, field);
		return (value != null) ? UUID.fromString(value) : null;
	}

	private static @Nullable String optionalString(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.stringValue();
	}

}
