package com.example.shop.lab;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The project's load generator ({@code load/target/load.jar}, Gatling with an open model:
 * a fixed arrival rate whatever the answers), run in a JVM of its own against the load
 * balancer. {@code bin/lab load}, the {@code spike} fault and game days all start it
 * here, so they send the same orders and record them the same way.
 */
final class LoadJar {

	/** Enough heap for a few hundred orders per second and their records. */
	private static final String HEAP = "-Xmx512m";

	private final List<String> command;

	private LoadJar(List<String> command) {
		this.command = command;
	}

	/**
	 * A run of the load generator.
	 * @param paths where the jar is
	 * @param rate orders per second
	 * @param duration how long to send for
	 * @param record where to write every request and its answer, or {@code null}
	 * @return the run, not started yet
	 * @throws LabException if the jar has not been built
	 */
	static LoadJar of(LabPaths paths, int rate, Duration duration, @Nullable Path record) {
		if (!Files.exists(paths.loadJar())) {
			throw new LabException(
					paths.loadJar() + " is missing; bin/lab builds it, or run ./mvnw -DskipTests package");
		}
		List<String> command = new ArrayList<>(List.of(Processes.java(), HEAP, "-jar", paths.loadJar().toString(),
				"--target", "http://127.0.0.1:" + Ports.LOAD_BALANCER, "--rate", String.valueOf(rate), "--duration",
				duration.toMillis() + "ms"));
		if (record != null) {
			command.addAll(List.of("--record", record.toString()));
		}
		return new LoadJar(command);
	}

	/** Runs in this terminal, its per-second lines going straight to the console. */
	void runInTerminal() {
		Processes.runInTerminal(this.command);
	}

	/**
	 * Starts the run in the background, copying its lines to {@code out} with a prefix.
	 * @param out where its per-second lines go
	 * @param prefix put before each line, e.g. {@code "  load: "}
	 * @return the running generator
	 */
	Running start(PrintWriter out, String prefix) {
		try {
			Process process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			Thread copier = Thread.ofVirtual().name("load-output").start(() -> copy(process, out, prefix));
			return new Running(process, copier);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the load generator", ex);
		}
	}

	private static void copy(Process process, PrintWriter out, String prefix) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach((line) -> out.println(prefix + line));
		}
		catch (IOException | UncheckedIOException ex) {
			// the generator ended
		}
	}

	/**
	 * A load generator running in the background.
	 *
	 * @param process its JVM
	 * @param copier the thread copying its output
	 */
	record Running(Process process, Thread copier) {

		/**
		 * Waits for the run to end by itself (it stops sending at the end of its
		 * duration, then waits for the last answers), and stops it if it does not.
		 * @param timeout how long to wait
		 * @return whether it ended by itself and reported success
		 */
		boolean awaitEnd(Duration timeout) {
			try {
				boolean ended = this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
				if (!ended) {
					this.process.destroy();
					this.process.waitFor(10, TimeUnit.SECONDS);
				}
				this.copier.join(Duration.ofSeconds(5));
				return ended && this.process.exitValue() == 0;
			}
			catch (InterruptedException ex) {
				this.process.destroy();
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
