package com.example.shop.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One run of {@link LoadGenerator#run} in this JVM, with what it printed and recorded.
 * The record is read with Jackson (which Gatling brings), so a line that is not valid
 * JSON fails the test.
 *
 * @param exitCode what the program would exit with
 * @param out the lines printed to stdout
 * @param err everything printed to stderr
 * @param records the {@code --record} file, one JSON object per request
 */
record LoadRun(int exitCode, List<String> out, String err, List<JsonNode> records) {

	/** A per-second or summary line, as documented in the README. */
	static final Pattern LINE = Pattern.compile("(t=(?<second>\\d+)s|total) sent=(?<sent>\\d+) 2xx=(?<s2xx>\\d+) "
			+ "4xx=(?<s4xx>\\d+) 5xx=(?<s5xx>\\d+) errors\\(conn=(?<conn>\\d+) timeout=(?<timeout>\\d+)\\) "
			+ "p50=(\\d+ms|-) p99=(\\d+ms|-)( max=(\\d+ms|-))?");

	private static final ObjectMapper json = new ObjectMapper();

	static LoadRun of(Path record, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = LoadGenerator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new LoadRun(exitCode, out.toString(StandardCharsets.UTF_8).lines().toList(),
				err.toString(StandardCharsets.UTF_8), read(record));
	}

	List<String> secondLines() {
		return this.out.stream().filter((line) -> line.startsWith("t=")).toList();
	}

	String summary() {
		return this.out.getLast();
	}

	/** A count from a printed line, such as {@code 5xx} or {@code conn}. */
	static long count(String line, String name) {
		Matcher matcher = LINE.matcher(line);
		if (!matcher.matches()) {
			throw new AssertionError("Not a load line: " + line);
		}
		return Long.parseLong(matcher.group(name.replace("2xx", "s2xx").replace("4xx", "s4xx").replace("5xx", "s5xx")));
	}

	private static List<JsonNode> read(Path record) {
		if (!Files.exists(record)) {
			return List.of();
		}
		try {
			return Files.readAllLines(record).stream().map(LoadRun::parse).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode parse(String line) {
		try {
			return json.readTree(line);
		}
		catch (IOException ex) {
			throw new AssertionError("Not a JSON line: " + line, ex);
		}
	}

}
