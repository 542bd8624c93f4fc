package com.example.shop.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.example.shop.load.OrdersApiStub.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, started the way the lab CLI starts it ({@code java -jar
 * load/target/load.jar}) in a JVM of its own: it finds its dependencies, and its stdout
 * holds nothing but the generator's own lines, Gatling's banner included.
 */
class ExecutableJarIT {

	@Test
	void runsWithJavaDashJarAndPrintsOnlyItsOwnLines(@TempDir Path directory) throws Exception {
		Path record = directory.resolve("record.jsonl");
		Path stderr = directory.resolve("stderr.txt");
		try (OrdersApiStub api = OrdersApiStub.start((n) -> Answer.created())) {

			Process process = new ProcessBuilder(java(), "-jar", jar(), "--target", api.uri().toString(), "--rate",
					"10", "--duration", "2s", "--record", record.toString())
				.redirectError(stderr.toFile())
				.start();

			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited in time").isTrue();
			List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
				.toList();
			assertThat(process.exitValue()).isZero();
			assertThat(out).hasSizeGreaterThan(2).allMatch((line) -> LoadRun.LINE.matcher(line).matches());
			assertThat(out.getLast()).startsWith("total sent=20 2xx=20 4xx=0 5xx=0 errors(conn=0 timeout=0)");
			assertThat(Files.readAllLines(record)).hasSize(20);
			assertThat(api.receivedKeys()).hasSize(20);
			assertThat(Files.readString(stderr)).doesNotContain("WARNING");
		}
	}

	/**
	 * The JVM running this test: the build's JDK 25, whatever {@code java} is on the
	 * PATH.
	 */
	private static String java() {
		return ProcessHandle.current().info().command().orElseThrow();
	}

	private static String jar() throws IOException {
		Path jar = Path.of("target", "load.jar").toAbsolutePath();
		assertThat(jar).exists();
		return jar.toString();
	}

}
