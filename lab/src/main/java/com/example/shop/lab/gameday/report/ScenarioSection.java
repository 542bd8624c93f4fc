package com.example.shop.lab.gameday.report;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One scenario on the HTML report: its verdict, what we expected and did, the numbers,
 * the checks, the timeline chart that shows it happening and, under it on the same time
 * axis, what the system looked like from inside (left out when nothing was sampled, as
 * when the scenario could not run).
 */
final class ScenarioSection {

	private ScenarioSection() {
	}

	static String render(ScenarioResult result, String anchor) {
		String verdict = result.passed() ? "pass" : "fail";
		StringBuilder html = new StringBuilder();
		html.append("<section id=\"")
			.append(anchor)
			.append("\">\n<h2>")
			.append(Html.escape(result.name()))
			.append(" <span class=\"badge ")
			.append(verdict)
			.append("\">")
			.append(verdict.toUpperCase(Locale.ROOT))
			.append("</span></h2>\n")
			.append(paragraph("Hypothesis", result.hypothesis()))
			.append(paragraph("Fault", result.fault()));
		numbers(html, result);
		checks(html, result);
		html.append(TimelineChart.render(result.timeline(), "Timeline of " + result.name()));
		if (!result.system().isEmpty()) {
			html.append(SystemChart.render(result.timeline(), result.system(),
					"Inside the system during " + result.name()));
		}
		return html.append("</section>\n").toString();
	}

	private static String paragraph(String label, String text) {
		return "<p><strong>" + label + ":</strong> " + Html.escape(text) + "</p>\n";
	}

	private static void numbers(StringBuilder html, ScenarioResult result) {
		html.append("<div class=\"numbers\">\n")
			.append(number("sent", result.sent()))
			.append(number("acknowledged", result.acknowledged()))
			.append(number("client errors" + kinds(result), result.clientErrors()))
			.append(number("error window s", HtmlReport.seconds(result.errorWindowMs())))
			.append(number("recovery s", HtmlReport.recovery(result)))
			.append(number("steady p99 ms", result.steadyP99Ms()))
			.append(number("threshold ms", result.timeline().recoveryThresholdMs()))
			.append(number("lost acknowledged", result.lostAcknowledged()))
			.append(number("duplicate orders", result.duplicateOrders()))
			.append(number("unprocessed", result.unprocessed()))
			.append(number("duplicate processing", result.duplicateProcessing()))
			.append("</div>\n");
	}

	private static String kinds(ScenarioResult result) {
		if (result.errorsByKind().isEmpty()) {
			return "";
		}
		return result.errorsByKind()
			.entrySet()
			.stream()
			.map((kind) -> kind.getKey() + " " + kind.getValue())
			.collect(Collectors.joining(", ", " (", ")"));
	}

	private static String number(String label, Object value) {
		return "<div class=\"number\"><b>" + Html.escape(String.valueOf(value)) + "</b>" + Html.escape(label)
				+ "</div>\n";
	}

	private static void checks(StringBuilder html, ScenarioResult result) {
		html.append("<ul class=\"checks\">\n");
		for (Check check : result.checks()) {
			html.append("<li class=\"")
				.append(check.passed() ? "pass\">✓ " : "fail\">✗ ")
				.append("<strong>")
				.append(Html.escape(check.name()))
				.append("</strong>: ")
				.append(Html.escape(check.detail()))
				.append("</li>\n");
		}
		if (result.checks().isEmpty()) {
			html.append("<li class=\"fail\">✗ no checks</li>\n");
		}
		html.append("</ul>\n");
	}

}
