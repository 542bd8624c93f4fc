package com.example.shop.lab.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.example.shop.lab.fleet.Instances;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.process.Processes;

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

	/** Extraction, the training run, the check of the cache. */
	private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * A JVM that cannot use its AOT cache says so in lines like
	 * {@code [0.012s][warning][aot] ...} and starts without it.
	 */
	private static final Pattern AOT_WARNING = Pattern.compile("\\[(warning|error)\\]\\[(aot|cds)\\b");

	private final LabPaths paths;

	private final Instances instances;

	private final PrintWriter out;

	/** What to kill if the bench is stopped while a JVM of its runs. */
	private final Map<Process, Thread> hooks = new ConcurrentHashMap<>();

	StartupBench(LabPaths paths, Secrets secrets, PrintWriter out) {
		this.paths = paths;
		this.instances = new Instances(paths, secrets);
		this.out = out;
	}

	/**
	 * Measures the web tier. Its deregistration delay is set to 0 s: the 12 s it waits on
	 * SIGTERM for the load balancer would only lengthen the pause between runs.
	 * @param runs how many plain runs, and as many tuned ones
	 * @return the times
	 */
	StartupResult web(int runs) {
		return measure(new Tier("web", this.paths.webJar(),
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
		return measure(new Tier("worker", this.paths.workerJar(), List.of("--server.port=" + WORKER_PORT),
				List.of(WORKER_PORT)), runs);
	}

	private StartupResult measure(Tier tier, int runs) {
		if (runs < 1) {
			throw new LabException("the start-up bench needs at least 1 run, not " + runs);
		}
		requireLab();
		createDirectories(benchDir());
		StartupResult result;
		try (FileChannel lock = FileChannel.open(benchDir().resolve("startup.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock held = lock.tryLock()) {
			if (held == null) {
				throw new LabException("another start-up bench is running with " + this.paths.state()
						+ ": both would use the same files and ports, and each would slow the other's JVMs down");
			}
			result = alternate(tier, prepare(tier), runs);
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
	private StartupResult alternate(Tier tier, Tuned tuned, int runs) {
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
			.filter((port) -> !Processes.isListening(port))
			.toList();
		if (!down.isEmpty()) {
			throw new LabException("the lab is not up (nothing listens on " + down
					+ "): the start-up bench runs its instances against the lab's database, SQS and S3; bin/lab up");
		}
	}

	/**
	 * Extracts the jar, trains its AOT cache and checks that the JVM uses it.
	 */
	private Tuned prepare(Tier tier) {
		Path dir = benchDir().resolve(tier.name());
		deleteTree(dir);
		long extractMs = runToExit(List.of(Processes.java(), "-Djarmode=tools", "-jar", tier.jar().toString(),
				"extract", "--destination", dir.toString()), log(tier, "extract"), Map.of());
		Path jar = dir.resolve(tier.jar().getFileName());
		if (!Files.isRegularFile(jar) || !Files.isDirectory(dir.resolve("lib"))) {
			throw new LabException("extracting " + tier.jar() + " left no " + jar + " with lib/ beside it; see "
					+ log(tier, "extract"));
		}
		Path cache = dir.resolve("app.aot");
		long trainingMs = runToExit(
				command(tier, jar, List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh")),
				log(tier, "training"), this.instances.environment());
		long cacheBytes = size(cache);
		// The training JVM writes the cache with a second JVM it starts as it exits, and
		// waits for it: that one ends with this line.
		if (cacheBytes == 0 || !read(log(tier, "training")).contains("AOTCache creation is complete")) {
			throw new LabException("the training run left no AOT cache at " + cache + "; see " + log(tier, "training"));
		}
		verify(tier, jar, cache);
		Tuned tuned = new Tuned(jar, cache, cacheBytes, trainingMs);
		this.out.printf(
				"  startup %s: extracted in %s; training run %s; %s; the JVM uses it (checked with "
						+ "-XX:AOTMode=on)%n",
				tier.name(), StartupResult.seconds(extractMs), StartupResult.seconds(trainingMs),
				tuned.cacheDescription());
		this.out.flush();
		return tuned;
	}

	/**
	 * Starts the tuned command once more, with {@code -XX:AOTMode=on} (the JVM refuses to
	 * start without its cache) and the AOT log, up to the refreshed context.
	 */
	private void verify(Tier tier, Path jar, Path cache) {
		Path aotLog = log(tier, "aot-check-jvm");
		try {
			Files.deleteIfExists(aotLog);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		runToExit(
				command(tier, jar,
						List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-Xlog:aot=info:file=" + aotLog,
								"-Dspring.context.exit=onRefresh")),
				log(tier, "aot-check"), this.instances.environment());
		String log = read(aotLog);
		if (!cacheUsed(log, cache)) {
			throw new LabException("the JVM did not use the AOT cache " + cache + " (no 'Opened AOT cache' and "
					+ "'Using AOT-linked classes: true' in " + aotLog + "); see also " + log(tier, "aot-check"));
		}
	}

	/**
	 * One timed start: from just before the JVM is started to the first 200 from the
	 * readiness check; then the instance is stopped, and its ports are free again before
	 * this returns.
	 */
	private long timeToReady(Tier tier, String variant, int run, Path jar, List<String> options) {
		awaitPortsFree(tier);
		Path log = log(tier, variant + "-" + run);
		ProcessBuilder builder = builder(command(tier, jar, options), log, this.instances.environment());
		long elapsedMs;
		long start = System.nanoTime();
		Process process = start(builder);
		try {
			while (true) {
				if (Processes.httpStatus(tier.readyUrl()) == 200) {
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
				Processes.sleep(POLL);
			}
		}
		finally {
			stop(process);
		}
		List<String> warnings = aotWarnings(read(log));
		if (!options.isEmpty() && !warnings.isEmpty()) {
			throw new LabException("%s %s run %d: the JVM reported AOT cache problems, so it may have run without "
				.formatted(tier.name(), variant, run) + "it: " + warnings + "; see " + log);
		}
		this.out.printf("  startup %s %-5s run %d: %s%n", tier.name(), variant, run, StartupResult.seconds(elapsedMs));
		this.out.flush();
		return elapsedMs;
	}

	private void awaitPortsFree(Tier tier) {
		if (!Processes.await(PORT_TIMEOUT, () -> tier.ports().stream().noneMatch(Processes::isListening))) {
			throw new LabException("the start-up bench needs ports " + tier.ports() + " and one is taken");
		}
	}

	/**
	 * The lab's command line for the tier, with extra JVM options before {@code -jar} and
	 * the jar replaced (the extracted one for tuned runs).
	 */
	private List<String> command(Tier tier, Path jar, List<String> options) {
		List<String> extra = new ArrayList<>(options);
		String jvm = System.getProperty("bench.jvm", "");
		if (!jvm.isBlank()) {
			extra.addAll(0, List.of(jvm.trim().split(" +")));
		}
		List<String> command = withJvmOptions(this.instances.command(jar, "bench-" + tier.name()), extra);
		command.addAll(tier.settings());
		String args = System.getProperty("bench.args", "");
		if (!args.isBlank()) {
			command.addAll(List.of(args.trim().split(" +")));
		}
		return command;
	}

	/**
	 * A command line with JVM options added just before {@code -jar}.
	 * @param command a {@code java ... -jar ...} command line
	 * @param options the options to add
	 * @return a new, modifiable command line
	 */
	static List<String> withJvmOptions(List<String> command, List<String> options) {
		int jar = command.indexOf("-jar");
		if (jar < 0) {
			throw new IllegalArgumentException("no -jar in " + command);
		}
		List<String> result = new ArrayList<>(command);
		result.addAll(jar, options);
		return result;
	}

	/**
	 * Whether the AOT log ({@code -Xlog:aot=info}) says the JVM mapped the cache and used
	 * its linked classes.
	 * @param aotLog the log's text
	 * @param cache the cache's path
	 * @return {@code true} if it did
	 */
	static boolean cacheUsed(String aotLog, Path cache) {
		return aotLog.contains("Opened AOT cache " + cache) && aotLog.contains("Using AOT-linked classes: true");
	}

	/**
	 * The lines in which the JVM warns about its AOT cache (or CDS archive).
	 * @param output a JVM's output
	 * @return the lines, in order
	 */
	static List<String> aotWarnings(String output) {
		return output.lines().filter((line) -> AOT_WARNING.matcher(line).find()).toList();
	}

	/**
	 * Runs a preparation step (extraction, training run, check) to its end.
	 * @return how long it took, in milliseconds
	 */
	private long runToExit(List<String> command, Path log, Map<String, String> environment) {
		long start = System.nanoTime();
		Process process = start(builder(command, log, environment));
		try {
			if (!process.waitFor(PREPARE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				kill(process);
				throw new LabException(log.getFileName() + ": not finished within " + PREPARE_TIMEOUT.toMinutes()
						+ " min; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill(process);
			throw new LabException("interrupted");
		}
		finally {
			forget(process);
		}
		long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		if (process.exitValue() != 0) {
			throw new LabException(String.join(" ", command) + " failed (exit " + process.exitValue() + "); see " + log
					+ ":\n" + tail(read(log), 15));
		}
		return elapsedMs;
	}

	private ProcessBuilder builder(List<String> command, Path log, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().putAll(environment);
		return builder;
	}

	/** Starts a JVM that is killed if the bench itself is stopped (Ctrl-C). */
	private Process start(ProcessBuilder builder) {
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new LabException("could not start " + builder.command().getFirst() + ": " + ex.getMessage());
		}
		Thread hook = new Thread(() -> kill(process), "bench-" + process.pid());
		this.hooks.put(process, hook);
		Runtime.getRuntime().addShutdownHook(hook);
		return process;
	}

	/** SIGTERM, as a scale-in would send; SIGKILL after the grace period. */
	private void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				kill(process);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill(process);
		}
		finally {
			forget(process);
		}
	}

	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A process that has ended needs its shutdown hook no more. */
	private void forget(Process process) {
		Thread hook = this.hooks.remove(process);
		if (hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException ex) {
				// The bench is shutting down: the hook kills what is already gone.
			}
		}
	}

	private Path benchDir() {
		return this.paths.state().resolve("bench");
	}

	private Path log(Tier tier, String what) {
		return benchDir().resolve(tier.name() + "-" + what + ".log");
	}

	private void deleteTree(Path dir) {
		if (!dir.startsWith(benchDir()) || !Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String tail(String text, int lines) {
		List<String> all = text.lines().toList();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	/**
	 * Runs the bench from the command line, until {@code bin/lab} has a command for it.
	 * With {@code -Dlab.home} (the repository) and {@code -Dlab.state} if the lab's state
	 * is not in {@code <lab.home>/.lab}.
	 * @param args {@code web}, {@code worker} or {@code all} (default), then the number
	 * of runs of each kind (default 5)
	 */
	public static void main(String[] args) {
		String which = (args.length > 0) ? args[0] : "all";
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		LabPaths paths = LabPaths.fromSystem();
		PrintWriter out = new PrintWriter(System.out, true);
		try {
			if (!Files.exists(paths.secrets())) {
				throw new LabException("no " + paths.secrets() + ": the lab is not up; bin/lab up");
			}
			StartupBench bench = new StartupBench(paths, Secrets.loadOrCreate(paths), out);
			List<StartupResult> results = new ArrayList<>();
			if (which.equals("web") || which.equals("all")) {
				results.add(bench.web(runs));
			}
			if (which.equals("worker") || which.equals("all")) {
				results.add(bench.worker(runs));
			}
			if (results.isEmpty()) {
				throw new LabException("which tier? web, worker or all, not " + which);
			}
			results.forEach((result) -> out.println("startup " + result.summary()));
		}
		catch (LabException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.exit(1);
		}
	}

	/**
	 * A tier as the bench starts it.
	 *
	 * @param name {@code web} or {@code worker}
	 * @param jar the jar the build made
	 * @param settings the instance's own arguments: its ports
	 * @param ports the ports it listens on, the first one answering {@code /readyz}
	 */
	private record Tier(String name, Path jar, List<String> settings, List<Integer> ports) {

		String readyUrl() {
			return "http://127.0.0.1:" + this.ports.getFirst() + "/readyz";
		}

	}

	/**
	 * What the tuned runs start.
	 *
	 * @param jar the extracted jar, with {@code lib/} beside it
	 * @param cache the AOT cache
	 * @param cacheBytes its size
	 * @param trainingMs how long the training run took, the cache's assembly included
	 */
	private record Tuned(Path jar, Path cache, long cacheBytes, long trainingMs) {

		String cacheDescription() {
			return String.format(Locale.ROOT, "app.aot %d MB", Math.round(this.cacheBytes / 1_048_576.0));
		}

		String description() {
			return "extracted jar + JDK 25 AOT cache (" + cacheDescription() + ", training run "
					+ StartupResult.seconds(this.trainingMs) + ")";
		}

	}

}
