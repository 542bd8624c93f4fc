package com.example.shop.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import scala.Console$;

/**
 * Runs one Gatling simulation inside this JVM and returns Gatling's exit code. Gatling's
 * own {@code main} ends the JVM, which would leave no room for the summary line (nor for
 * tests), so this calls the method behind it.
 * <p>
 * Gatling's periodic console block, its results file and its report are switched off in
 * {@code gatling.conf}. What it still prints itself ("Simulation ... started") goes
 * through Scala's {@code Console}, which is pointed at nothing for the run, so stdout
 * carries only this tool's lines; its warnings and errors still reach stderr through
 * Logback. It insists on a results directory: a temporary one, deleted afterwards.
 */
final class GatlingEngine {

	private GatlingEngine() {
	}

	static int run(Class<? extends Simulation> simulation) throws IOException {
		Path results = Files.createTempDirectory("orders-load-");
		String[] args = { "--simulation", simulation.getName(), "--results-folder", results.toString(),
				"--no-reports" };
		try {
			GatlingVersionCheck.markAsJustDone();
			return (Integer) Console$.MODULE$.withOut(OutputStream.nullOutputStream(),
					() -> Gatling$.MODULE$.fromArgs(args));
		}
		finally {
			delete(results);
		}
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
