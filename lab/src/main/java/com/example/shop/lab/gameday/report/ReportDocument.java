package com.example.shop.lab.gameday.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.example.shop.lab.faults.FaultWindow;
import com.example.shop.lab.gameday.report.Timeline.Second;
import org.jspecify.annotations.Nullable;

/**
 * The JSON report, shaped as records so that its fields read in the order below and a
 * change to the shape is a change to this file. Times on the timeline are seconds from
 * the load start, the unit of the chart, so the JSON can be charted again elsewhere; a
 * value of the system that could not be read is {@code null}, which a tool cannot mistake
 * for a count the way it could {@code -1}.
 *
 * @param startedAt when the game day began, ISO-8601
 * @param quick whether this was the quick run
 * @param passed whether every scenario passed
 * @param scenarios one entry per scenario, in the order they ran
 */
record ReportDocument(String startedAt, boolean quick, boolean passed, List<Scenario> scenarios) {

	static ReportDocument of(List<ScenarioResult> results, Instant startedAt, boolean quick) {
		return new ReportDocument(startedAt.toString(), quick, results.stream().allMatch(ScenarioResult::passed),
				results.stream().map(Scenario::of).toList());
	}

	record Scenario(String name, boolean passed, String hypothesis, String fault, int sent, int acknowledged,
			int clientErrors, int lostAcknowledged, int duplicateOrders, int unprocessed, int duplicateProcessing,
			long errorWindowMs, @Nullable Long recoveryMs, long steadyP99Ms, long recoveryThresholdMs,
			Map<String, Integer> errorsByKind, List<Check> checks, TimelineDocument timeline) {

		static Scenario of(ScenarioResult result) {
			return new Scenario(result.name(), result.passed(), result.hypothesis(), result.fault(), result.sent(),
					result.acknowledged(), result.clientErrors(), result.lostAcknowledged(), result.duplicateOrders(),
					result.unprocessed(), result.duplicateProcessing(), result.errorWindowMs(), result.recoveryMs(),
					result.steadyP99Ms(), result.timeline().recoveryThresholdMs(), result.errorsByKind(),
					result.checks(), TimelineDocument.of(result.timeline(), result.system()));
		}

	}

	record TimelineDocument(double faultStartS, double faultEndS, double healedS, List<Second> seconds,
			List<Sample> system) {

		static TimelineDocument of(Timeline timeline, List<SystemSample> system) {
			FaultWindow fault = timeline.fault();
			return new TimelineDocument(timeline.secondsFromStart(fault.startedAt()),
					timeline.secondsFromStart(fault.endedAt()), timeline.secondsFromStart(fault.healedAt()),
					timeline.seconds(), system.stream().map((sample) -> Sample.of(sample, timeline)).toList());
		}

	}

	/**
	 * A {@link SystemSample} on the timeline.
	 *
	 * @param t seconds from the load start, to a tenth (the samples are a second apart)
	 * @param inService web instances in service, or {@code null} if unknown
	 * @param outboxPending events waiting in the outbox, or {@code null} if unknown
	 * @param queueDepth messages in the orders queue, or {@code null} if unknown
	 */
	record Sample(double t, @Nullable Integer inService, @Nullable Integer outboxPending,
			@Nullable Integer queueDepth) {

		static Sample of(SystemSample sample, Timeline timeline) {
			double t = Math.round(timeline.secondsFromStart(sample.at()) * 10) / 10.0;
			return new Sample(t, known(sample.inService()), known(sample.outboxPending()), known(sample.queueDepth()));
		}

		private static @Nullable Integer known(int value) {
			return (value < 0) ? null : value;
		}

	}

}
