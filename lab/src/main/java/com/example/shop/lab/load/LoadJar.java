package com.example.shop.lab.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.process.ChildProcess;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.process.Processes;
import org.jspecify.annotations.Nullable;

/**
 * The project's load generator ({@code load/target/load.jar}, Gatling with an open model:
 * a fixed arrival rate whatever the answers), run in a JVM of its own against the load
 * balancer. {@code bin/lab load}, the {@code spike} fault and game days all start it
 * here, so they send the same orders and record them the same way.
 */
public final class LoadJar {

	/** Enough heap for a few hundred orders per second and their records. */
	private static final String HEAP = "-Xmx512m";

	/** What the generator prints once ready, with {@code --start-on-input}. */
	private static final String READY = "ready";

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
	public static LoadJar of(LabPaths paths, int rate, Duration duration, @Nullable Path record) {
		if (!Files.exists(paths.loadJar())) {
			throw new LabException(
					paths.loadJar() + " is missing; bin/lab builds it, or run ./mvnw -DskipTests package");
		}
		List<String> command = new ArrayList<>(List.of(Processes.java(), HEAP));
		command.addAll(GeneratorCache.options(paths, HEAP));
		command
			.addAll(List.of("-jar", paths.loadJar().toString(), "--target", "http://127.0.0.1:" + Ports.LOAD_BALANCER,
					"--rate", String.valueOf(rate), "--duration", duration.toMillis() + "ms"));
		if (record != null) {
			command.addAll(List.of("--record", record.toString()));
		}
		return new LoadJar(command);
	}

	/**
	 * The same run, started early: the JVM gets ready, says so, and sends only when
	 * {@link Running#go} is called.
	 * @return the run, not started yet
	 */
	public LoadJar onSignal() {
		List<String> command = new ArrayList<>(this.command);
		command.add("--start-on-input");
		return new LoadJar(command);
	}

	private boolean waitsForSignal() {
		return this.command.contains("--start-on-input");
	}

	/** Runs in this terminal, its per-second lines going straight to the console. */
	void runInTerminal() {
		Launch.of(this.command).runInTerminal();
	}

	/**
	 * Starts the run in the background, copying its lines to {@code out} with a prefix.
	 * @param out where its per-second lines go
	 * @param prefix put before each line, e.g. {@code "  load: "}
	 * @return the running generator
	 */
	public Running start(PrintWriter out, String prefix) {
		// A session of its own: the generator gets its share of the CPU as a client on
		// another machine would, and Ctrl-C does not reach it (the command stops it).
		Launch launch = Launch.of(this.command).ownSession();
		ChildProcess process = (waitsForSignal() ? launch.pipedInput() : launch).start();
		CountDownLatch ready = new CountDownLatch(waitsForSignal() ? 1 : 0);
		Thread copier = Thread.ofVirtual().name("load-output").start(() -> copy(process, out, prefix, ready));
		return new Running(process, copier, ready);
	}

	private static void copy(ChildProcess process, PrintWriter out, String prefix, CountDownLatch ready) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.output(), StandardCharsets.UTF_8))) {
			lines.lines().forEach((line) -> {
				if (line.equals(READY)) {
					ready.countDown();
				}
				else {
					out.println(prefix + line);
				}
			});
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
	 * @param ready counted down when a generator started with {@link #onSignal()} is
	 * ready to send
	 */
	public record Running(ChildProcess process, Thread copier, CountDownLatch ready) {

		/** How long the generator may take to stop when told to. */
		private static final Duration STOP_GRACE = Duration.ofSeconds(10);

		/**
		 * Waits until the generator is ready to send.
		 * @param timeout how long its JVM may take to start
		 * @throws LabException if it ended or did not get ready in time (it is then
		 * stopped)
		 */
		public void awaitReady(Duration timeout) {
			try {
				if (!this.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || !this.process.isAlive()) {
					boolean ended = !this.process.isAlive();
					stop();
					throw new LabException("the load generator was not ready to send within " + timeout.toSeconds()
							+ " s" + (ended ? " (it ended)" : ""));
				}
			}
			catch (InterruptedException ex) {
				stop();
				Thread.currentThread().interrupt();
				throw new LabException("interrupted while the load generator got ready");
			}
		}

		/** Tells a generator started with {@link #onSignal()} to start sending. */
		public void go() {
			try {
				OutputStream signal = this.process.input();
				signal.write('\n');
				signal.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("the load generator is gone", ex);
			}
		}

		/**
		 * Waits for the run to end by itself (it stops sending at the end of its
		 * duration, then waits for the last answers), and stops it if it does not.
		 * @param timeout how long to wait
		 * @return whether it ended by itself and reported success
		 */
		public boolean awaitEnd(Duration timeout) {
			boolean ended = this.process.awaitExit(timeout);
			if (!ended) {
				this.process.stop(STOP_GRACE);
			}
			try {
				this.copier.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process.close();
			return ended && this.process.exitValue() == 0;
		}

		/** Stops the generator before its end (SIGTERM, then SIGKILL). */
		public void stop() {
			this.process.stop(STOP_GRACE);
			this.process.close();
		}

	}

}
