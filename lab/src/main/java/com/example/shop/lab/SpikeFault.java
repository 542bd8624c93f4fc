package com.example.shop.lab;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A traffic spike far beyond what the web tier can serve: the load generator places
 * orders at a fixed arrival rate whatever the answers (an open model, as real customers
 * are). Each instance serves its limit of concurrent requests and answers the rest
 * {@code 503} at once (load shedding), so the per-second lines show fast errors instead
 * of timeouts, and the instances stay healthy.
 */
final class SpikeFault implements Fault {

	private final int rate;

	private final Duration duration;

	private final LabPaths paths;

	private volatile @Nullable Process load;

	private volatile @Nullable Thread output;

	SpikeFault(int rate, Duration duration, LabPaths paths) {
		this.rate = rate;
		this.duration = duration;
		this.paths = paths;
	}

	@Override
	public String name() {
		return "spike";
	}

	@Override
	public Duration duration() {
		return this.duration;
	}

	/** The load generator prints a line per second; a countdown would only add noise. */
	@Override
	public Duration observeEvery() {
		return this.duration;
	}

	@Override
	public void observe(PrintWriter out, Duration left) {
	}

	@Override
	public void inject(PrintWriter out) {
		if (!Files.exists(this.paths.loadJar())) {
			throw new LabException(this.paths.loadJar() + " is missing; bin/lab builds it, or run ./mvnw package");
		}
		out.printf("spike: %d orders/s for %d s through the load balancer; expect fast 503s (load shedding)%n",
				this.rate, this.duration.toSeconds());
		List<String> command = List.of(Processes.java(), "-Xmx512m", "-jar", this.paths.loadJar().toString(),
				"--target", "http://127.0.0.1:" + Ports.LOAD_BALANCER, "--rate", String.valueOf(this.rate),
				"--duration", this.duration.toMillis() + "ms");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			this.load = process;
			this.output = Thread.ofVirtual().name("spike-output").start(() -> copy(process, out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the load generator", ex);
		}
	}

	@Override
	public void heal(PrintWriter out) {
		Process process = this.load;
		if (process == null) {
			return;
		}
		try {
			// the generator waits for the last answers (5 s timeout each) before its
			// summary
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroy();
				out.println("spike: the load generator was stopped");
			}
			Thread copier = this.output;
			if (copier != null) {
				copier.join(Duration.ofSeconds(5));
			}
		}
		catch (InterruptedException ex) {
			process.destroy();
			Thread.currentThread().interrupt();
		}
	}

	private static void copy(Process process, PrintWriter out) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach((line) -> out.println("  " + line));
		}
		catch (IOException | UncheckedIOException ex) {
			// the generator ended
		}
	}

}
