package com.example.shop.lab.gameday.report;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one game-day scenario: what customers saw (from the client records) side
 * by side with what the system stored, and the checks that turn both into a verdict.
 * Keeping the two sources in one record is the point: an outage with clean 503s and no
 * lost orders passes, a quiet run that dropped one acknowledged order fails.
 *
 * @param name the scenario, e.g. {@code db-outage}
 * @param hypothesis what we expected to happen, in one sentence
 * @param fault what was done to the system
 * @param sent requests sent
 * @param acknowledged requests answered 200 or 201
 * @param clientErrors requests that failed as the customer saw them
 * @param lostAcknowledged acknowledged orders the database does not have
 * @param duplicateOrders orders stored more than once for one idempotency key
 * @param unprocessed acknowledged orders never processed
 * @param duplicateProcessing orders processed more than once
 * @param errorWindowMs from the first failed request's end to the last one's
 * @param recoveryMs time to recover after the fault ended, {@code null} if it did not
 * @param steadyP99Ms p99 latency before the fault
 * @param errorsByKind failures by status or error label
 * @param checks the claims tested
 * @param timeline the second-by-second view, for the chart
 * @param system the system seen from inside, once a second, oldest first: why customers
 * saw what they saw, charted under the timeline; empty when the scenario could not run
 */
public record ScenarioResult(String name, String hypothesis, String fault, int sent, int acknowledged, int clientErrors,
		int lostAcknowledged, int duplicateOrders, int unprocessed, int duplicateProcessing, long errorWindowMs,
		@Nullable Long recoveryMs, long steadyP99Ms, Map<String, Integer> errorsByKind, List<Check> checks,
		Timeline timeline, List<SystemSample> system) {

	public ScenarioResult {
		errorsByKind = Collections.unmodifiableMap(new TreeMap<>(errorsByKind));
		checks = List.copyOf(checks);
		system = List.copyOf(system);
	}

	/**
	 * A result whose client-side numbers come from the timeline, so that the caller only
	 * supplies what the system stored.
	 * @param name the scenario
	 * @param hypothesis what we expected
	 * @param fault what was done
	 * @param timeline what customers saw
	 * @param lostAcknowledged acknowledged orders missing
	 * @param duplicateOrders orders stored twice
	 * @param unprocessed acknowledged orders never processed
	 * @param duplicateProcessing orders processed twice
	 * @param checks the claims tested
	 * @param system the samples of the system taken during the scenario
	 * @return the result
	 */
	public static ScenarioResult of(String name, String hypothesis, String fault, Timeline timeline,
			int lostAcknowledged, int duplicateOrders, int unprocessed, int duplicateProcessing, List<Check> checks,
			List<SystemSample> system) {
		return new ScenarioResult(name, hypothesis, fault, timeline.sent(), timeline.acknowledged(),
				timeline.clientErrors(), lostAcknowledged, duplicateOrders, unprocessed, duplicateProcessing,
				timeline.errorWindowMs(), timeline.recoveryMs(), timeline.steadyP99Ms(), timeline.errorsByKind(),
				checks, timeline, system);
	}

	/**
	 * Whether the hypothesis held. A scenario without checks proves nothing, so it fails.
	 * @return {@code true} when there is at least one check and all passed
	 */
	public boolean passed() {
		return !this.checks.isEmpty() && this.checks.stream().allMatch(Check::passed);
	}

	/**
	 * The verdict as one console line, numbers first and failed checks last, e.g.
	 * {@code PASS  db-outage     sent 612, acked 540, errors 72 (503 72) in 10.4 s,
	 * recovered in 1.0 s; lost 0, duplicates 0, unprocessed 0}.
	 * @return the line, without a line break
	 */
	public String verdictLine() {
		String line = String.format(Locale.ROOT,
				"%-4s  %-13s sent %d, acked %d, %s, %s; lost %d, duplicates %d, unprocessed %d",
				passed() ? "PASS" : "FAIL", this.name, this.sent, this.acknowledged, errors(), recovery(),
				this.lostAcknowledged, this.duplicateOrders, this.unprocessed);
		return passed() ? line : line + "; failed: " + failedChecks();
	}

	private String errors() {
		if (this.clientErrors == 0) {
			return "errors 0";
		}
		String kinds = this.errorsByKind.entrySet()
			.stream()
			.map((kind) -> kind.getKey() + " " + kind.getValue())
			.collect(Collectors.joining(", "));
		return "errors %d (%s) in %s".formatted(this.clientErrors, kinds, seconds(this.errorWindowMs));
	}

	private String recovery() {
		return (this.recoveryMs != null) ? "recovered in " + seconds(this.recoveryMs) : "did not recover";
	}

	private String failedChecks() {
		if (this.checks.isEmpty()) {
			return "no checks";
		}
		return this.checks.stream()
			.filter((check) -> !check.passed())
			.map((check) -> check.name() + " (" + check.detail() + ")")
			.collect(Collectors.joining(", "));
	}

	private static String seconds(long ms) {
		return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
	}

}
