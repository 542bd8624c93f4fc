package com.example.shop.lab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.example.shop.lab.fleet.Instances;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.ChildProcess;
import com.example.shop.lab.process.Endpoints;
import com.example.shop.lab.process.Launch;

/**
 * How long a tier takes to start: from just before the JVM is started to the first 200
 * from its readiness check ({@code /readyz}), plain against tuned. Plain is the jar as
 * the lab runs it ({@link Instances#command}: the same heap, collector and lab settings).
 * Tuned is what the images run (see {@code packer/scripts/provision.sh}): the jar
 * extracted with Spring Boot's tools mode, started with a JDK 25 AOT cache (JEPs 483,
 * 514, 515) written by a training run that refreshes the context and exits
 * ({@code -Dspring.context.exit=onRefresh}). Training and timed runs use the same JVM
 * options, or the JVM would reject the cache.
 * <p>
 * The instances measured run beside the lab, against its database, SQS and S3, on ports
 * of their own (web 8099 and 9099, worker 8090); the lab must be up. A worker consumes
 * the lab's receipts while it runs, as any worker would; each instance is stopped as soon
 * as it is ready. Plain and tuned runs alternate, so that whatever else the machine does
 * weighs on both alike. Unlike the lab's workers, the worker measured runs at normal CPU
 * priority, as on its own machine. Everything is written under {@code .lab/bench/}: the
 * extracted jar and cache in {@code <tier>/}, a log per run beside it.
 */
public final class StartupBench {

	static final int WEB_PORT = 8099;

	static final int WEB_MANAGEMENT_PORT = 9099;

	static final int WORKER_PORT = 8090;

	/** How often readiness is asked for: the resolution of the measurement. */
	private static final Duration POLL = Duration.ofMillis(50);

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * Longer than either tier's graceful shutdown (the worker's listener waits up to 20 s
	 * for receipts in progress).
	 */
	private static final Duration STOP_GRACE = Duration.ofSeconds(60);

	private static final Duration PORT_TIMEOUT = Duration.ofSeconds(60);

	private final LabPaths paths;

	private final Instances instances;

	private final PrintWriter out;

	StartupBench(LabPaths paths, PrintWriter out) {
		this.paths = paths;
		this.instances = new Instances(paths, Secrets.loadOrCreate(paths));
		this.out = out;
	}

	/**
	 * Measures the web tier. Its deregistration delay is set to 0 s: the 12 s it waits on
	 * SIGTERM for the load balancer would only lengthen the pause between runs.
	 * @param runs how many plain runs, and as many tuned ones
	 * @return the times
	 */
	StartupResult web(int runs) {
		return measure(new StartupTier("web", this.paths.webJar(),
				List.of("--server.port=" + WEB_PORT, "--management.server.port=" + WEB_MANAGEMENT_PORT,
						"--orders.instance-name=bench-web", "--orders.health.deregistration-delay=0s"),
				List.of(WEB_PORT, WEB_MANAGEMENT_PORT)), runs);
	}

	/**
	 * Measures the worker tier.
	 * @param runs how many plain runs, and as many tuned ones
	 * @return the times
	 */
	StartupResult worker(int runs) {
		return measure(new StartupTier("worker", this.paths.workerJar(), List.of("--server.port=" + WORKER_PORT),
				List.of(WORKER_PORT)), runs);
	}

	private StartupResult measure(StartupTier tier, int runs) {
		if (runs < 1) {
			throw new LabException("the start-up bench needs at least 1 run, not " + runs);
		}
		requireLab();
		try {
			Files.createDirectories(benchDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StartupResult result;
		try (FileChannel lock = FileChannel.open(benchDir().resolve("startup.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock held = lock.tryLock()) {
			if (held == null) {
				throw new LabException("another start-up bench is running with " + this.paths.state()
						+ ": both would use the same files and ports, and each would slow the other's JVMs down");
			}
			result = alternate(tier, new AotTraining(benchDir(), this.instances, this.out).prepare(tier), runs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.out.println("  startup " + result.summary());
		this.out.flush();
		return result;
	}

	/**
	 * Plain, tuned, plain, tuned...: whatever else the machine does meanwhile weighs on
	 * both alike.
	 */
	private StartupResult alternate(StartupTier tier, AotTraining.Trained tuned, int runs) {
		List<Long> plainMs = new ArrayList<>();
		List<Long> tunedMs = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			plainMs.add(timeToReady(tier, "plain", run, tier.jar(), List.of()));
			tunedMs.add(timeToReady(tier, "tuned", run, tuned.jar(), List.of("-XX:AOTCache=" + tuned.cache())));
		}
		return new StartupResult(tier.name(), plainMs, tunedMs, tuned.description());
	}

	/**
	 * The instances measured need the lab's database, SQS and S3, reached through the
	 * fault proxy as the lab's own instances reach them.
	 */
	private void requireLab() {
		List<Integer> down = Stream.of(Ports.PROXY_DATABASE_A, Ports.PROXY_SQS, Ports.PROXY_S3)
			.filter((port) -> !Endpoints.isListening(port))
			.toList();
		if (!down.isEmpty()) {
			throw new LabException("the lab is not up (nothing listens on " + down
					+ "): the start-up bench runs its instances against the lab's database, SQS and S3; bin/lab up");
		}
	}

	/**
	 * One timed start: from just before the JVM is started to the first 200 from the
	 * readiness check; then the instance is stopped, and its ports are free again before
	 * this returns.
	 */
	private long timeToReady(StartupTier tier, String variant, int run, Path jar, List<String> options) {
		awaitPortsFree(tier);
		Path log = tier.log(benchDir(), variant + "-" + run);
		long elapsedMs;
		long start = System.nanoTime();
		ChildProcess process = Launch.of(tier.command(this.instances, jar, options))
			.environment(this.instances.environment())
			.logTo(log)
			.start();
		try {
			while (true) {
				if (Endpoints.httpStatus(tier.readyUrl()) == 200) {
					elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
					break;
				}
				if (!process.isAlive()) {
					throw new LabException("%s %s run %d exited (status %d) before it was ready; see %s"
						.formatted(tier.name(), variant, run, process.exitValue(), log));
				}
				if (System.nanoTime() - start > READY_TIMEOUT.toNanos()) {
					throw new LabException("%s %s run %d not ready after %d s; see %s".formatted(tier.name(), variant,
							run, READY_TIMEOUT.toSeconds(), log));
				}
				Await.sleep(POLL);
			}
		}
		finally {
			process.stop(STOP_GRACE);
			process.close();
		}
		List<String> warnings = AotTraining.aotWarnings(AotTraining.read(log));
		if (!options.isEmpty() && !warnings.isEmpty()) {
			throw new LabException("%s %s run %d: the JVM reported AOT cache problems, so it may have run without "
				.formatted(tier.name(), variant, run) + "it: " + warnings + "; see " + log);
		}
		this.out.printf("  startup %s %-5s run %d: %s%n", tier.name(), variant, run, StartupResult.seconds(elapsedMs));
		this.out.flush();
		return elapsedMs;
	}

	private void awaitPortsFree(StartupTier tier) {
		if (!Await.until(PORT_TIMEOUT, () -> tier.ports().stream().noneMatch(Endpoints::isListening))) {
			throw new LabException("the start-up bench needs ports " + tier.ports() + " and one is taken");
		}
	}

	private Path benchDir() {
		return this.paths.state().resolve("bench");
	}

}
