package com.example.shop.load;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a presenter sees for a command line the generator cannot run: exit code 2 and one
 * line on stderr saying what to change, with nothing sent and nothing on stdout.
 */
class CommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			--rate 0 --duration 10s                                   | --rate must be a number
			--rate fast --duration 10s                                | --rate must be a number
			--rate 10 --duration forever                              | --duration must be a time
			--rate 10                                                 | --duration is required
			--rate 10 --duration 10s --target http://example.com:8080 | not a loopback address
			--rate 10 --duration 10s --target http://10.1.2.3:8080    | not a loopback address
			""")
	void exitsWithTwoAndOneLineSayingWhatIsWrong(String commandLine, String message) {
		int exitCode = run(commandLine.split(" "));

		assertThat(exitCode).isEqualTo(2);
		assertThat(stderr()).startsWith("load: ").contains(message).hasLineCount(1);
		assertThat(stdout()).isEmpty();
	}

	@Test
	void exitsWithTwoWhenTheRecordFileCannotBeWritten(@TempDir Path directory) {
		Path record = directory.resolve("missing").resolve("record.jsonl");

		int exitCode = run("--rate", "10", "--duration", "1s", "--record", record.toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(stderr()).contains("cannot write the --record file").hasLineCount(1);
	}

	@Test
	void printsUsageOnRequest() {
		int exitCode = run("--help");

		assertThat(exitCode).isZero();
		assertThat(stdout()).startsWith("usage: java -jar load.jar").contains("--rate", "--duration", "--record");
	}

	private int run(String... args) {
		return LoadGenerator.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String stdout() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
