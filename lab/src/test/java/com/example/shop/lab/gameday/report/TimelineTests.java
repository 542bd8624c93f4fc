package com.example.shop.lab.gameday.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.lab.gameday.report.Timeline.Second;
import com.example.shop.lab.load.ClientRecord;
import org.junit.jupiter.api.Test;

import static com.example.shop.lab.gameday.report.Requests.concat;
import static com.example.shop.lab.gameday.report.Requests.failing;
import static com.example.shop.lab.gameday.report.Requests.fault;
import static com.example.shop.lab.gameday.report.Requests.noAnswer;
import static com.example.shop.lab.gameday.report.Requests.ok;
import static com.example.shop.lab.gameday.report.Requests.status;
import static com.example.shop.lab.gameday.report.Requests.steady;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-second view of a scenario and the numbers computed from it, on synthetic load.
 * Unless a test says otherwise, load runs at ten requests a second.
 */
class TimelineTests {

	private static final long START = Requests.LOAD_START;

	@Test
	void bucketsRequestsBySecondSentKeepingEmptySeconds() {
		List<ClientRecord> records = List.of(ok(100, 7), noAnswer(900, "timeout", 5000), ok(2500, 9),
				status(2999, 503, 2));

		List<Second> seconds = Timeline.of(records, START, fault(1000, 1500, 1500)).seconds();

		assertThat(seconds).containsExactly(new Second(0, 2, 1, 1, 5000L), new Second(1, 0, 0, 0, null),
				new Second(2, 2, 1, 1, 9L));
	}

	@Test
	void countsARequestSentJustBeforeTheRecordedLoadStartInTheFirstSecond() {
		List<ClientRecord> records = List.of(ok(-3, 7), ok(400, 8));

		List<Second> seconds = Timeline.of(records, START, fault(1000, 1500, 1500)).seconds();

		assertThat(seconds).containsExactly(new Second(0, 2, 2, 0, 8L));
	}

	@Test
	void p99IsTheNearestRankOfAllRequestsOfTheSecond() {
		List<ClientRecord> hundredAndOne = new ArrayList<>();
		for (int latency = 1; latency <= 101; latency++) {
			hundredAndOne.add(ok(latency, latency));
		}
		List<ClientRecord> tenWithOneTimeout = new ArrayList<>(steady(1000, 1900, 4));
		tenWithOneTimeout.add(noAnswer(1950, "timeout", 5000));

		List<Second> seconds = Timeline.of(concat(hundredAndOne, tenWithOneTimeout), START, fault(3000, 3000, 3000))
			.seconds();

		assertThat(seconds).extracting(Second::p99Ms).containsExactly(100L, 5000L);
	}

	@Test
	void steadyP99SkipsWarmUpAndTheFault() {
		List<ClientRecord> steadyLoad = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			steadyLoad.add(ok(2000 + i * 30, i + 1));
		}
		List<ClientRecord> records = concat(steady(0, 2000, 900), steadyLoad, List.of(status(4000, 503, 3000)),
				steady(6000, 8000, 700));

		long steadyP99 = Timeline.of(records, START, fault(6000, 7000, 7000)).steadyP99Ms();

		assertThat(steadyP99).isEqualTo(99);
	}

	@Test
	void steadyP99FallsBackToEverythingBeforeTheFaultWhenItStartsDuringWarmUp() {
		List<ClientRecord> records = concat(steady(0, 1500, 7), steady(1500, 5000, 300));

		Timeline timeline = Timeline.of(records, START, fault(1500, 3000, 3000));

		assertThat(timeline.steadyP99Ms()).isEqualTo(7);
	}

	@Test
	void steadyP99IsZeroWithoutAcknowledgedRequestsBeforeTheFault() {
		List<ClientRecord> records = concat(failing(0, 1000, 503), steady(1000, 5000, 300));

		Timeline timeline = Timeline.of(records, START, fault(0, 1000, 1000));

		assertThat(timeline.steadyP99Ms()).isZero();
	}

	@Test
	void recoveryThresholdHasAFloorOf100Milliseconds() {
		Timeline timeline = Timeline.of(steady(0, 10_000, 5), START, fault(8000, 9000, 9000));

		long threshold = timeline.recoveryThresholdMs();

		assertThat(timeline.steadyP99Ms()).isEqualTo(5);
		assertThat(threshold).isEqualTo(100);
	}

	@Test
	void recoveryThresholdIsTwiceTheSteadyP99AboveTheFloor() {
		Timeline timeline = Timeline.of(steady(0, 10_000, 70), START, fault(8000, 9000, 9000));

		long threshold = timeline.recoveryThresholdMs();

		assertThat(threshold).isEqualTo(140);
	}

	@Test
	void recoveryStartsAtTheFirstOfThreeHealthySecondsAfterTheFaultEnded() {
		List<ClientRecord> records = concat(steady(0, 5000, 5), failing(5000, 9000, 503), steady(9000, 10_000, 5),
				failing(10_000, 11_000, 502), steady(11_000, 12_000, 400), steady(12_000, 20_000, 5));

		Long recovery = Timeline.of(records, START, fault(5000, 8300, 9000)).recoveryMs();

		assertThat(recovery).isEqualTo(12_000 - 8300);
	}

	@Test
	void recoveryIsZeroWhenTheFaultHadNoVisibleEffect() {
		Timeline timeline = Timeline.of(steady(0, 15_000, 5), START, fault(5200, 7500, 8000));

		Long recovery = timeline.recoveryMs();

		assertThat(recovery).isZero();
	}

	@Test
	void recoveryIsNullWhenErrorsContinueToTheEnd() {
		List<ClientRecord> records = concat(steady(0, 5000, 5), failing(5000, 8000, 503), steady(8000, 10_000, 5),
				failing(10_000, 11_000, 503), steady(11_000, 13_000, 5), failing(13_000, 15_000, 503));

		Long recovery = Timeline.of(records, START, fault(5000, 6000, 6000)).recoveryMs();

		assertThat(recovery).isNull();
	}

	@Test
	void theLastPartialSecondDoesNotCountTowardsRecovery() {
		List<ClientRecord> untilTwelve = concat(steady(0, 5000, 5), failing(5000, 10_000, 503),
				steady(10_000, 12_500, 5));
		List<ClientRecord> untilThirteen = concat(untilTwelve, List.of(ok(13_100, 5)));

		Long partial = Timeline.of(untilTwelve, START, fault(5000, 9000, 9000)).recoveryMs();
		Long complete = Timeline.of(untilThirteen, START, fault(5000, 9000, 9000)).recoveryMs();

		assertThat(partial).isNull();
		assertThat(complete).isEqualTo(1000);
	}

	@Test
	void errorWindowRunsFromTheFirstToTheLastFailureByWhenTheyEnded() {
		List<ClientRecord> records = List.of(ok(0, 5), noAnswer(1000, "timeout", 5000), status(2000, 503, 10),
				status(3000, 502, 100), ok(7000, 5));

		long window = Timeline.of(records, START, fault(1000, 3000, 3000)).errorWindowMs();

		assertThat(window).isEqualTo(6000 - 2010);
	}

	@Test
	void errorWindowIsZeroForASingleFailure() {
		List<ClientRecord> records = List.of(ok(0, 5), status(2000, 503, 10), ok(3000, 5));

		Timeline timeline = Timeline.of(records, START, fault(1000, 3000, 3000));

		assertThat(timeline.errorWindowMs()).isZero();
		assertThat(timeline.clientErrors()).isEqualTo(1);
	}

	@Test
	void countsErrorsByStatusOrErrorLabelSortedByKey() {
		List<ClientRecord> records = List.of(noAnswer(0, "timeout", 5000), status(100, 503, 2), ok(200, 5),
				status(300, 502, 2), noAnswer(400, "conn", 1), status(500, 503, 2), ok(600, 5));

		Timeline timeline = Timeline.of(records, START, fault(0, 1000, 1000));

		assertThat(timeline.errorsByKind()).containsExactly(entry("502", 1), entry("503", 2), entry("conn", 1),
				entry("timeout", 1));
		assertThat(timeline.sent()).isEqualTo(7);
		assertThat(timeline.acknowledged()).isEqualTo(2);
		assertThat(timeline.clientErrors()).isEqualTo(5);
	}

	private static Map.Entry<String, Integer> entry(String key, int value) {
		return Map.entry(key, value);
	}

}
