package com.example.shop.lab.gameday.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a game day's results twice: as JSON, for comparing runs and for tools, and as a
 * single self-contained HTML page, for a presenter to put on screen. The page has no
 * scripts and loads nothing from the network, so it opens the same on a laptop without
 * Wi-Fi in a conference room as it did on the machine that ran the game day.
 */
public final class GameDayReport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GameDayReport() {
	}

	/**
	 * Writes both reports, creating their folders.
	 * @param results the scenarios, in the order they ran
	 * @param json the JSON file to write
	 * @param html the HTML file to write
	 * @param startedAt when the game day began
	 * @param quick whether this was the quick run (shorter faults and load)
	 * @throws UncheckedIOException if a file cannot be written
	 */
	public static void write(List<ScenarioResult> results, Path json, Path html, Instant startedAt, boolean quick) {
		String document = JSON.writerWithDefaultPrettyPrinter()
			.writeValueAsString(ReportDocument.of(results, startedAt, quick));
		String page = HtmlReport.render(results, startedAt, quick);
		writeFile(json, document + "\n");
		writeFile(html, page);
	}

	private static void writeFile(Path file, String content) {
		try {
			Path folder = file.toAbsolutePath().getParent();
			if (folder != null) {
				Files.createDirectories(folder);
			}
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
