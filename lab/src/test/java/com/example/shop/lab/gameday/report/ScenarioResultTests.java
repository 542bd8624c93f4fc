package com.example.shop.lab.gameday.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static com.example.shop.lab.gameday.report.Check.expect;
import static com.example.shop.lab.gameday.report.Requests.concat;
import static com.example.shop.lab.gameday.report.Requests.failing;
import static com.example.shop.lab.gameday.report.Requests.fault;
import static com.example.shop.lab.gameday.report.Requests.steady;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict of one scenario and its console line.
 */
class ScenarioResultTests {

	private static final Timeline TIMELINE = Timeline.of(steady(0, 5000, 5), Requests.LOAD_START,
			fault(2000, 3000, 3000));

	@Test
	void passesWhenEveryCheckPasses() {
		ScenarioResult result = result(List.of(expect("lost", true, "0 lost"), expect("unprocessed", true, "none")),
				1000L);

		assertThat(result.passed()).isTrue();
	}

	@Test
	void failsWhenAnyCheckFails() {
		ScenarioResult result = result(List.of(expect("lost", true, "0 lost"), expect("unprocessed", false, "12")),
				1000L);

		assertThat(result.passed()).isFalse();
	}

	@Test
	void failsWithoutChecksBecauseItProvedNothing() {
		ScenarioResult result = result(List.of(), 1000L);

		assertThat(result.passed()).isFalse();
		assertThat(result.verdictLine()).startsWith("FAIL").endsWith("; failed: no checks");
	}

	@Test
	void verdictLineOfAPassShowsTheNumbers() {
		ScenarioResult result = result(List.of(expect("lost", true, "0 lost")), 1000L);

		String line = result.verdictLine();

		assertThat(line).isEqualTo("PASS  db-outage     sent 612, acked 540, errors 72 (503 60, timeout 12) in 10.4 s, "
				+ "recovered in 1.0 s; lost 0, duplicates 0, unprocessed 12");
	}

	@Test
	void verdictLineOfAFailureNamesTheFailedChecksWithTheirDetail() {
		ScenarioResult result = result(List.of(expect("lost", true, "0 acknowledged orders missing"),
				expect("unprocessed", false, "12 acknowledged orders never PROCESSED, e.g. 1b2c…"),
				expect("duplicates", false, "2 keys stored twice")), null);

		String line = result.verdictLine();

		assertThat(line).startsWith("FAIL  db-outage ")
			.contains("sent 612, acked 540, errors 72", "did not recover")
			.endsWith("; failed: unprocessed (12 acknowledged orders never PROCESSED, e.g. 1b2c…), "
					+ "duplicates (2 keys stored twice)")
			.doesNotContain("lost (");
	}

	@Test
	void takesWhatCustomersSawFromTheTimelineAndKeepsTheSamples() {
		Timeline timeline = Timeline.of(concat(steady(0, 3000, 5), failing(3000, 4000, 503), steady(4000, 9000, 5)),
				Requests.LOAD_START, fault(3000, 4000, 4000));
		List<SystemSample> system = List.of(Requests.sample(500, 2, 0, 0));

		ScenarioResult result = ScenarioResult.of("db-outage", "h", "f", timeline, 1, 2, 3, 4,
				List.of(expect("lost", false, "1 lost")), system);

		assertThat(result)
			.extracting(ScenarioResult::sent, ScenarioResult::acknowledged, ScenarioResult::clientErrors,
					ScenarioResult::errorWindowMs, ScenarioResult::recoveryMs)
			.containsExactly(90, 80, 10, 900L, 0L);
		assertThat(result.errorsByKind()).containsExactly(Map.entry("503", 10));
		assertThat(result)
			.extracting(ScenarioResult::lostAcknowledged, ScenarioResult::duplicateOrders, ScenarioResult::unprocessed,
					ScenarioResult::duplicateProcessing)
			.containsExactly(1, 2, 3, 4);
		assertThat(result.system()).isEqualTo(system);
	}

	private static ScenarioResult result(List<Check> checks, @Nullable Long recoveryMs) {
		return new ScenarioResult("db-outage", "Orders fail fast while the database is down", "cut db for 10 s", 612,
				540, 72, 0, 0, 12, 0, 10_400, recoveryMs, 8, Map.of("timeout", 12, "503", 60), checks, TIMELINE,
				List.of());
	}

}
