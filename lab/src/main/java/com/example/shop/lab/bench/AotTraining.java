package com.example.shop.lab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.example.shop.lab.fleet.Instances;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.process.Processes;

/**
 * What the start-up bench's tuned runs start, made as the images make it (see
 * {@code packer/scripts/provision.sh}): the jar extracted with Spring Boot's tools mode,
 * a JDK 25 AOT cache written by a training run that refreshes the context and exits
 * ({@code -Dspring.context.exit=onRefresh}), and a check that the JVM really uses the
 * cache ({@code -XX:AOTMode=on} refuses to start without it). Training and timed runs use
 * the same JVM options, or the JVM would reject the cache.
 */
final class AotTraining {

	/** Extraction, the training run, the check of the cache. */
	private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * A JVM that cannot use its AOT cache says so in lines like
	 * {@code [0.012s][warning][aot] ...} and starts without it.
	 */
	private static final Pattern AOT_WARNING = Pattern.compile("\\[(warning|error)\\]\\[(aot|cds)\\b");

	private final Path dir;

	private final Instances instances;

	private final PrintWriter out;

	/**
	 * @param dir the bench's folder: each tier's extracted jar and cache go in a folder
	 * of its own there, the logs beside them
	 * @param instances how the lab starts its instances
	 * @param out where to say what was made
	 */
	AotTraining(Path dir, Instances instances, PrintWriter out) {
		this.dir = dir;
		this.instances = instances;
		this.out = out;
	}

	/**
	 * Extracts the jar, trains its AOT cache and checks that the JVM uses it.
	 */
	Trained prepare(StartupTier tier) {
		Path dir = this.dir.resolve(tier.name());
		deleteTree(dir);
		long extractMs = runToExit(List.of(Processes.java(), "-Djarmode=tools", "-jar", tier.jar().toString(),
				"extract", "--destination", dir.toString()), tier.log(this.dir, "extract"), Map.of());
		Path jar = dir.resolve(tier.jar().getFileName());
		if (!Files.isRegularFile(jar) || !Files.isDirectory(dir.resolve("lib"))) {
			throw new LabException("extracting " + tier.jar() + " left no " + jar + " with lib/ beside it; see "
					+ tier.log(this.dir, "extract"));
		}
		Path cache = dir.resolve("app.aot");
		long trainingMs = runToExit(
				tier.command(this.instances, jar,
						List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh")),
				tier.log(this.dir, "training"), this.instances.environment());
		long cacheBytes = size(cache);
		// The training JVM writes the cache with a second JVM it starts as it exits, and
		// waits for it: that one ends with this line.
		if (cacheBytes == 0 || !read(tier.log(this.dir, "training")).contains("AOTCache creation is complete")) {
			throw new LabException(
					"the training run left no AOT cache at " + cache + "; see " + tier.log(this.dir, "training"));
		}
		verify(tier, jar, cache);
		Trained tuned = new Trained(jar, cache, cacheBytes, trainingMs);
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
	private void verify(StartupTier tier, Path jar, Path cache) {
		Path aotLog = tier.log(this.dir, "aot-check-jvm");
		try {
			Files.deleteIfExists(aotLog);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		runToExit(
				tier.command(this.instances, jar,
						List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-Xlog:aot=info:file=" + aotLog,
								"-Dspring.context.exit=onRefresh")),
				tier.log(this.dir, "aot-check"), this.instances.environment());
		String log = read(aotLog);
		if (!cacheUsed(log, cache)) {
			throw new LabException("the JVM did not use the AOT cache " + cache + " (no 'Opened AOT cache' and "
					+ "'Using AOT-linked classes: true' in " + aotLog + "); see also "
					+ tier.log(this.dir, "aot-check"));
		}
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
	private static long runToExit(List<String> command, Path log, Map<String, String> environment) {
		long start = System.nanoTime();
		try {
			Launch.of(command).environment(environment).logTo(log).run(PREPARE_TIMEOUT);
		}
		catch (LabException ex) {
			throw new LabException(ex.getMessage() + "; see " + log + ":\n" + tail(read(log), 15));
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private void deleteTree(Path dir) {
		if (!dir.startsWith(this.dir) || !Files.exists(dir)) {
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

	private static long size(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
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
	 * What the tuned runs start.
	 *
	 * @param jar the extracted jar, with {@code lib/} beside it
	 * @param cache the AOT cache
	 * @param cacheBytes its size
	 * @param trainingMs how long the training run took, the cache's assembly included
	 */
	record Trained(Path jar, Path cache, long cacheBytes, long trainingMs) {

		String cacheDescription() {
			return String.format(Locale.ROOT, "app.aot %d MB", Math.round(this.cacheBytes / 1_048_576.0));
		}

		String description() {
			return "extracted jar + JDK 25 AOT cache (" + cacheDescription() + ", training run "
					+ StartupResult.seconds(this.trainingMs) + ")";
		}

	}

}
