package com.example.shop.lab.gameday.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The HTML report: a title, the overall verdict and a summary table on top, then one
 * {@link ScenarioSection} per scenario. Fonts are large because the page is projected;
 * styles are inline because the file must stand alone.
 */
final class HtmlReport {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final String STYLE = """
			body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 22px;
			  line-height: 1.4; color: #1f2328; max-width: 1280px; margin: 1.5em auto; padding: 0 1em; }
			h1 { font-size: 2.6em; margin: 0.2em 0; }
			h2 { font-size: 1.8em; margin: 1.8em 0 0.4em; border-top: 2px solid #d0d7de; padding-top: 0.8em; }
			.meta { font-size: 1.1em; color: #59636e; }
			.verdict { font-size: 1.6em; font-weight: bold; }
			.pass { color: #1a7f37; } .fail { color: #cf222e; }
			.badge { color: #fff; border-radius: 0.3em; padding: 0.05em 0.45em; font-size: 0.8em; vertical-align: middle; }
			.badge.pass { background: #1a7f37; } .badge.fail { background: #cf222e; }
			table { border-collapse: collapse; margin: 1em 0; }
			th, td { padding: 0.35em 0.8em; border-bottom: 1px solid #d0d7de; text-align: right; }
			th:first-child, td:first-child { text-align: left; }
			.numbers { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 1em 0; }
			.number { border: 1px solid #d0d7de; border-radius: 0.3em; padding: 0.3em 0.7em; min-width: 6em; }
			.number b { display: block; font-size: 1.4em; }
			.checks { list-style: none; padding: 0; font-size: 1.1em; }
			.checks li { margin: 0.3em 0; }
			svg.chart { width: 100%; height: auto; font-family: inherit; }
			""";

	private HtmlReport() {
	}

	static String render(List<ScenarioResult> results, Instant startedAt, boolean quick) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>Game day ")
			.append(DATE.format(startedAt))
			.append("</title>\n<style>\n")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n");
		header(html, results, startedAt, quick);
		summary(html, results);
		for (int i = 0; i < results.size(); i++) {
			html.append(ScenarioSection.render(results.get(i), anchor(i)));
		}
		return html.append("</body>\n</html>\n").toString();
	}

	private static void header(StringBuilder html, List<ScenarioResult> results, Instant startedAt, boolean quick) {
		long failed = results.stream().filter((result) -> !result.passed()).count();
		boolean passed = !results.isEmpty() && failed == 0;
		String verdict = passed ? "All %d scenarios passed".formatted(results.size())
				: "%d of %d scenarios failed".formatted(failed, results.size());
		html.append("<h1>Game day</h1>\n")
			.append("<p class=\"meta\">")
			.append(DATE.format(startedAt))
			.append(" · ")
			.append(quick ? "quick run" : "full run")
			.append("</p>\n<p class=\"verdict ")
			.append(passed ? "pass" : "fail")
			.append("\">")
			.append(verdict)
			.append("</p>\n");
	}

	private static void summary(StringBuilder html, List<ScenarioResult> results) {
		html.append("<table class=\"summary\">\n<tr><th>Scenario</th><th>Verdict</th><th>Sent</th>")
			.append("<th>Acknowledged</th><th>Client errors</th><th>Error window s</th><th>Recovery s</th>")
			.append("<th>Lost</th><th>Duplicates</th><th>Unprocessed</th></tr>\n");
		for (int i = 0; i < results.size(); i++) {
			ScenarioResult result = results.get(i);
			html.append("<tr><td><a href=\"#")
				.append(anchor(i))
				.append("\">")
				.append(Html.escape(result.name()))
				.append("</a></td>")
				.append(cells(result))
				.append("</tr>\n");
		}
		html.append("</table>\n");
	}

	private static String cells(ScenarioResult result) {
		return "<td class=\"%s\">%s</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td>"
			.formatted(result.passed() ? "pass" : "fail", result.passed() ? "PASS" : "FAIL", result.sent(),
					result.acknowledged(), result.clientErrors(), seconds(result.errorWindowMs()), recovery(result),
					result.lostAcknowledged(), result.duplicateOrders(), result.unprocessed());
	}

	static String seconds(long ms) {
		return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
	}

	static String recovery(ScenarioResult result) {
		Long recoveryMs = result.recoveryMs();
		return (recoveryMs != null) ? seconds(recoveryMs) : "did not recover";
	}

	private static String anchor(int index) {
		return "scenario-" + (index + 1);
	}

}
