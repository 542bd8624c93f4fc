package com.example.shop.lab.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Where a run of a long command ({@code bin/lab gameday}, {@code bin/lab bench}) keeps
 * its records and its report: {@code .lab/KIND/TIME/}, the JSON report in it unless
 * {@code --report} names another file, and the human-readable report beside the JSON one.
 *
 * @param folder the run's folder, e.g. {@code .lab/gamedays/20261129-101502}
 */
public record RunFolder(Path folder) {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	/**
	 * The folder of a run that starts now.
	 * @param state the lab's state folder
	 * @param kind e.g. {@code gamedays}
	 * @param started when the run starts
	 * @return the run's folder
	 */
	public static RunFolder of(Path state, String kind, Instant started) {
		return new RunFolder(state.resolve(kind).resolve(STAMP.format(started)));
	}

	/**
	 * The JSON report.
	 * @param report what {@code --report} named, or {@code null}
	 * @return that file, or {@code report.json} in the run's folder
	 */
	public Path json(@Nullable Path report) {
		return (report != null) ? report.toAbsolutePath() : this.folder.resolve("report.json");
	}

	/**
	 * A report beside the JSON one, with the same name and another ending.
	 * @param json the JSON report
	 * @param extension e.g. {@code .html}
	 * @return the file
	 */
	public static Path beside(Path json, String extension) {
		return json.resolveSibling(json.getFileName().toString().replaceFirst("(\\.json)?$", extension));
	}

}
