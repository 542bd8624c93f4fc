package com.example.shop.lab.load;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.process.Processes;

/**
 * The load generator's JDK 25 AOT cache (JEPs 483 and 514): the classes of Gatling, Scala
 * and Netty, loaded and linked once and mapped by every later run, so a run is ready in
 * about a second instead of about five, and spends a third of the CPU getting there. A
 * game day starts the generator twice per scenario, so this is minutes of a CI run, and
 * CPU the lab's instances get instead. The cache is trained once per build of
 * {@code load.jar}, by a run against a port where nothing listens, into
 * {@code load/target/aot-cache/} beside the jar it belongs to (a new build makes a new
 * one; {@code ./mvnw clean} removes both); a run that cannot have one (training failed)
 * starts without it.
 */
final class GeneratorCache {

	/** Where the training run sends: nothing listens on port 1 of the loopback. */
	private static final String NOWHERE = "http://127.0.0.1:1";

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(2);

	private GeneratorCache() {
	}

	/**
	 * The JVM options that make a run use the cache, training it first if this build of
	 * the jar has none.
	 * @param paths the lab
	 * @param heap the heap option every run uses (the cache is valid only for the JVM
	 * options it was trained with)
	 * @return the options, none if there is no cache
	 */
	static synchronized List<String> options(LabPaths paths, String heap) {
		Path jar = paths.loadJar();
		Path folder = jar.resolveSibling("aot-cache");
		try {
			Files.createDirectories(folder);
			Path cache = folder
				.resolve("load-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + ".aot");
			try (FileChannel lock = FileChannel.open(folder.resolve("load.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock held = lock.lock()) {
				if (!Files.exists(cache)) {
					train(jar, heap, cache, folder.resolve("load-training.log"));
				}
			}
			return List.of("-XX:AOTCache=" + cache);
		}
		catch (IOException | LabException ex) {
			return List.of();
		}
	}

	private static void train(Path jar, String heap, Path cache, Path log) throws IOException {
		Path training = cache.resolveSibling(cache.getFileName() + ".training");
		List<String> command = new ArrayList<>(List.of(Processes.java(), heap, "-XX:AOTCacheOutput=" + training, "-jar",
				jar.toString(), "--target", NOWHERE, "--rate", "1", "--duration", "100ms"));
		Launch.of(command).logTo(log).run(TRAINING_TIMEOUT);
		Files.move(training, cache, StandardCopyOption.ATOMIC_MOVE);
	}

}
