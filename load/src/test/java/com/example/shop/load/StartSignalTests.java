package com.example.shop.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StartSignalTests {

	@Test
	void saysReadyAndWaitsForALine() throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PipedOutputStream caller = new PipedOutputStream();
		PipedInputStream in = new PipedInputStream(caller);

		CompletableFuture<Void> waiting = CompletableFuture
			.runAsync(() -> StartSignal.await(in, new PrintStream(printed, true, StandardCharsets.UTF_8)));

		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (printed.size() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("ready" + System.lineSeparator());
		assertThat(waiting).isNotDone();
		caller.write("go\n".getBytes(StandardCharsets.UTF_8));
		caller.flush();
		waiting.get(5, TimeUnit.SECONDS);
		assertThat(waiting).isCompleted();
	}

	@Test
	void refusesToStartWhenTheCallerIsGone() {
		assertThatIllegalStateException()
			.isThrownBy(() -> StartSignal.await(new ByteArrayInputStream(new byte[0]),
					new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
			.withMessageContaining("nothing was sent");
	}

}
