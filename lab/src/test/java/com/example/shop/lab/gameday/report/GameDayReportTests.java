package com.example.shop.lab.gameday.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.example.shop.lab.gameday.report.Check.expect;
import static com.example.shop.lab.gameday.report.Requests.concat;
import static com.example.shop.lab.gameday.report.Requests.failing;
import static com.example.shop.lab.gameday.report.Requests.fault;
import static com.example.shop.lab.gameday.report.Requests.sample;
import static com.example.shop.lab.gameday.report.Requests.steady;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON and HTML reports of a game day with two scenarios: one that recovered and
 * passed, with the system sampled from inside; one that did not recover and failed, with
 * nothing sampled and a heal that went on long after the load ended.
 */
class GameDayReportTests {

	private static final Instant STARTED_AT = Instant.parse("2026-11-25T10:00:00Z");

	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	@TempDir
	Path folder;

	private Path json;

	private Path html;

	private Timeline broken;

	@BeforeEach
	void writeReports() {
		Timeline recovered = Timeline.of(concat(steady(0, 5000, 5), failing(5000, 8000, 503), steady(8000, 15_000, 5)),
				Requests.LOAD_START, fault(5000, 7500, 8200));
		this.broken = Timeline.of(concat(steady(0, 5000, 5), failing(5000, 12_000, 502)), Requests.LOAD_START,
				fault(5000, 6000, 60_000));
		List<SystemSample> inside = List.of(sample(-1234, 2, 0, 0), sample(4800, 2, 1, 2),
				sample(5800, 0, SystemSample.UNKNOWN, 3), sample(9800, 2, 0, 0));
		ScenarioResult dbOutage = ScenarioResult.of("db-outage", "Orders fail fast while the database is down",
				"cut db for 2.5 s", recovered, 0, 0, 0, 0,
				List.of(expect("lost", true, "0 acknowledged orders missing")), inside);
		ScenarioResult sqsOutage = ScenarioResult.of("sqs-outage", "Orders <script>alert(1)</script> & still flow",
				"cut sqs", this.broken, 0, 0, 12, 0, List.of(expect("unprocessed", false, "12 never PROCESSED")),
				List.of());
		this.json = this.folder.resolve("reports/game-day/report.json");
		this.html = this.folder.resolve("html/report.html");

		GameDayReport.write(List.of(dbOutage, sqsOutage), this.json, this.html, STARTED_AT, true);
	}

	@Test
	void writesTheRunAndItsOverallVerdict() {
		JsonNode report = JsonMapper.builder().build().readTree(this.json);

		assertThat(report.propertyNames()).containsExactly("startedAt", "quick", "passed", "scenarios");
		assertThat(report.get("startedAt").stringValue()).isEqualTo("2026-11-25T10:00:00Z");
		assertThat(report.get("quick").booleanValue()).isTrue();
		assertThat(report.get("passed").booleanValue()).isFalse();
		assertThat(report.get("scenarios")).hasSize(2);
	}

	@Test
	void writesEveryFieldOfAScenario() {
		JsonNode scenario = JsonMapper.builder().build().readTree(this.json).get("scenarios").get(0);

		assertThat(scenario.propertyNames()).containsExactly("name", "passed", "hypothesis", "fault", "sent",
				"acknowledged", "clientErrors", "lostAcknowledged", "duplicateOrders", "unprocessed",
				"duplicateProcessing", "errorWindowMs", "recoveryMs", "steadyP99Ms", "recoveryThresholdMs",
				"errorsByKind", "checks", "timeline");
		assertThat(scenario.get("name").stringValue()).isEqualTo("db-outage");
		assertThat(scenario.get("passed").booleanValue()).isTrue();
		assertThat(scenario.get("sent").intValue()).isEqualTo(150);
		assertThat(scenario.get("acknowledged").intValue()).isEqualTo(120);
		assertThat(scenario.get("clientErrors").intValue()).isEqualTo(30);
		assertThat(scenario.get("errorWindowMs").longValue()).isEqualTo(2900);
		assertThat(scenario.get("recoveryMs").longValue()).isEqualTo(500);
		assertThat(scenario.get("steadyP99Ms").longValue()).isEqualTo(5);
		assertThat(scenario.get("recoveryThresholdMs").longValue()).isEqualTo(100);
		assertThat(scenario.get("errorsByKind").toString()).isEqualTo("{\"503\":30}");
		assertThat(scenario.get("checks").toString())
			.isEqualTo("[{\"name\":\"lost\",\"passed\":true,\"detail\":\"0 acknowledged orders missing\"}]");
	}

	@Test
	void writesTheTimelineInSecondsFromTheLoadStart() {
		JsonNode timeline = JsonMapper.builder().build().readTree(this.json).get("scenarios").get(0).get("timeline");

		assertThat(timeline.propertyNames()).containsExactly("faultStartS", "faultEndS", "healedS", "seconds",
				"system");
		assertThat(timeline.get("faultStartS").doubleValue()).isEqualTo(5.0);
		assertThat(timeline.get("faultEndS").doubleValue()).isEqualTo(7.5);
		assertThat(timeline.get("healedS").doubleValue()).isEqualTo(8.2);
		assertThat(timeline.get("seconds")).hasSize(15);
		assertThat(timeline.get("seconds").get(5).toString())
			.isEqualTo("{\"t\":5,\"sent\":10,\"acknowledged\":0,\"failed\":10,\"p99Ms\":3}");
	}

	@Test
	void writesTheSystemSamplesWithUnknownValuesAsNull() {
		JsonNode scenarios = JsonMapper.builder().build().readTree(this.json).get("scenarios");

		JsonNode system = scenarios.get(0).get("timeline").get("system");

		assertThat(system).hasSize(4);
		assertThat(system.get(0).toString())
			.isEqualTo("{\"t\":-1.2,\"inService\":2,\"outboxPending\":0,\"queueDepth\":0}");
		assertThat(system.get(2).toString())
			.isEqualTo("{\"t\":5.8,\"inService\":0,\"outboxPending\":null,\"queueDepth\":3}");
		assertThat(scenarios.get(1).get("timeline").get("system").toString()).isEqualTo("[]");
	}

	@Test
	void writesNullRecoveryForAScenarioThatDidNotRecover() {
		JsonNode scenario = JsonMapper.builder().build().readTree(this.json).get("scenarios").get(1);

		assertThat(scenario.get("recoveryMs").isNull()).isTrue();
		assertThat(scenario.get("passed").booleanValue()).isFalse();
		assertThat(scenario.get("errorsByKind").toString()).isEqualTo("{\"502\":70}");
	}

	@Test
	void drawsATimelinePerScenarioWithTheFaultShaded() throws IOException {
		String page = Files.readString(this.html);

		assertThat(page).startsWith("<!DOCTYPE html>").contains("<h1>Game day</h1>", "quick run", "2026-11-25");
		assertThat(count(page, "<title>Timeline of ")).isEqualTo(2);
		assertThat(count(page, ">healing</text>")).isEqualTo(1);
		assertThat(count(page, ">recovered</text>")).isEqualTo(1);
		assertThat(page).contains("threshold 100 ms", "did not recover", "1 of 2 scenarios failed");
	}

	@Test
	void drawsTheSystemUnderTheTimelineOnlyWhenItWasSampled() throws IOException {
		List<String> sections = sections(Files.readString(this.html));

		DrawnChart sampled = new DrawnChart(sections.get(0));
		DrawnChart notSampled = new DrawnChart(sections.get(1));

		assertThat(sampled.count("<svg")).isEqualTo(2);
		assertThat(sampled.count("<rect class=\"fault\"")).isEqualTo(2);
		assertThat(sampled.svg()).contains("<title>Inside the system during db-outage</title>");
		assertThat(notSampled.count("<svg")).isEqualTo(1);
		assertThat(notSampled.svg()).doesNotContain("Inside the system");
	}

	@Test
	void endsTheTimeAxisWithTheLoadWhenTheHealingGoesOnLongAfter() throws IOException {
		DrawnChart chart = new DrawnChart(sections(Files.readString(this.html)).get(1));

		List<Integer> ticks = chart.texts("time").stream().map(Integer::valueOf).toList();

		assertThat(ChartFrame.timeAxis(this.broken).max()).isEqualTo(12);
		assertThat(ticks).startsWith(0).last().isEqualTo(12);
		assertThat(chart.svg()).contains(">healing (continues)</text>");
	}

	@Test
	void escapesTextAndRunsNoScripts() throws IOException {
		String page = Files.readString(this.html);

		assertThat(page).contains("Orders &lt;script&gt;alert(1)&lt;/script&gt; &amp; still flow")
			.doesNotContain("<script");
	}

	@Test
	void loadsNothingFromTheNetwork() throws IOException {
		String page = Files.readString(this.html);

		String withoutNamespace = page.replace(SVG_NAMESPACE, "");

		assertThat(page).contains(SVG_NAMESPACE);
		assertThat(withoutNamespace).doesNotContain("http://", "https://", "//cdn", "<link", "@import", "url(");
	}

	private static List<String> sections(String page) {
		return List.of(page.split("<section")).subList(1, 3);
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
