package com.example.shop.lab.gameday;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.example.shop.lab.faults.FaultWindow;
import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.gameday.report.SystemSample;
import com.example.shop.lab.gameday.report.Timeline;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.probe.LoadBalancerLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each scenario's own expectation, on synthetic evidence: it passes on what the scenario
 * hopes to see and fails, with its reason, on what would break the hypothesis.
 */
class ExpectationsTests {

	private static final long START = 1_800_000_000_000L;

	/** The fault acts from 5 s to 10 s of a 20 s run. */
	private static final FaultWindow WINDOW = new FaultWindow(START + 5000, START + 10_000, START + 10_000);

	@Test
	void errorWindowAtMostFailsWhenErrorsLastLonger() {
		Scenario.Evidence shortErrors = evidence(requestsFailingBetween(5000, 7000), List.of(), List.of());
		Scenario.Evidence longErrors = evidence(requestsFailingBetween(5000, 13_000), List.of(), List.of());

		assertThat(passes(Expectations.errorWindowAtMost(Duration.ofSeconds(5)), shortErrors)).isTrue();
		assertThat(passes(Expectations.errorWindowAtMost(Duration.ofSeconds(5)), longErrors)).isFalse();
	}

	@Test
	void failuresAre503sFailsOnATimeout() {
		List<ClientRecord> records = new ArrayList<>(requestsFailingBetween(5000, 7000));
		records.add(new ClientRecord("timed-out", null, null, 5000, "timeout", START + 6000));

		assertThat(passes(Expectations.failuresAre503s(),
				evidence(requestsFailingBetween(5000, 7000), List.of(), List.of())))
			.isTrue();
		assertThat(passes(Expectations.failuresAre503s(), evidence(records, List.of(), List.of()))).isFalse();
		assertThat(passes(Expectations.noTimeouts(), evidence(records, List.of(), List.of()))).isFalse();
	}

	@Test
	void fleetKeptFailsWhenTheLoadBalancerTookAnInstanceOut() {
		List<SystemSample> kept = samples(2, 2, 2);
		List<SystemSample> lostOne = samples(2, 1, 2);

		assertThat(passes(Expectations.fleetKept(), evidence(steady(), kept, List.of()))).isTrue();
		assertThat(check(Expectations.fleetKept(), evidence(steady(), lostOne, List.of())).detail()).contains("1 of 2");
	}

	@Test
	void outboxAbsorbedFailsWhenNothingWaited() {
		List<SystemSample> backlog = List.of(new SystemSample(START + 6000, 2, 40, 0));
		List<SystemSample> none = List.of(new SystemSample(START + 6000, 2, 0, 0));

		assertThat(passes(Expectations.outboxAbsorbed(), evidence(steady(), backlog, List.of()))).isTrue();
		assertThat(passes(Expectations.outboxAbsorbed(), evidence(steady(), none, List.of()))).isFalse();
	}

	@Test
	void shedsFastIsJudgedAtTheLoadBalancer() {
		List<LoadBalancerLog.Entry> fast = balancer(30, 503, 40);
		List<LoadBalancerLog.Entry> slow = balancer(30, 503, 2100);
		List<LoadBalancerLog.Entry> aborted = new ArrayList<>(fast);
		aborted.add(new LoadBalancerLog.Entry(START + 6000, "web/web-1", 504, 60_000, "sH--"));

		assertThat(failedNames(Expectations.shedsFast(), evidence(steady(), List.of(), fast))).isEmpty();
		assertThat(failedNames(Expectations.shedsFast(), evidence(steady(), List.of(), slow)))
			.containsExactly("shedding was fast");
		assertThat(failedNames(Expectations.shedsFast(), evidence(steady(), List.of(), aborted)))
			.containsExactly("the excess was shed with 503s");
	}

	@Test
	void deepHealthNeedsTheFleetEmptiedAndOrdersServedMeanwhile() {
		List<SystemSample> emptied = samples(2, 0, 0, 0, 2);
		List<SystemSample> kept = samples(2, 2, 2, 2, 2);

		assertThat(failedNames(Expectations.fleetEmptiedAndFailedOpen(), evidence(steady(), emptied, List.of())))
			.isEmpty();
		assertThat(failedNames(Expectations.fleetEmptiedAndFailedOpen(), evidence(steady(), kept, List.of())))
			.containsExactly("the database outage emptied the fleet", "the load balancer failed open");
	}

	@Test
	void staticallyStableNeedsTheSurvivingZoneToServeAndProcessTheLoad() {
		// the fault acts from 5 s to 10 s; its second half is 7.5 s to 10 s
		List<SystemSample> keptUp = queue(7500, 3, 4, 3);
		List<SystemSample> fellBehind = queue(7500, 3, 25, 48);
		List<ClientRecord> lateFailures = requestsFailingBetween(8000, 9000);

		assertThat(failedNames(Expectations.staticallyStable(), evidence(steady(), keptUp, List.of()))).isEmpty();
		assertThat(failedNames(Expectations.staticallyStable(), evidence(steady(), fellBehind, List.of())))
			.containsExactly("the surviving zone's workers kept up");
		assertThat(Expectations.staticallyStable().check(evidence(steady(), fellBehind, List.of())).getLast().detail())
			.contains("3 -> 48 messages over 2 s", "22.5 orders/s short of the load");
		assertThat(failedNames(Expectations.staticallyStable(), evidence(lateFailures, keptUp, List.of())))
			.containsExactly("the surviving zone served the steady load");
	}

	/** Queue depths one second apart from {@code fromMs} into the run. */
	private static List<SystemSample> queue(long fromMs, int... depths) {
		return IntStream.range(0, depths.length)
			.mapToObj((i) -> new SystemSample(START + fromMs + i * 1000L, 1, 0, depths[i]))
			.toList();
	}

	private static boolean passes(Scenario.Expectation expectation, Scenario.Evidence evidence) {
		return expectation.check(evidence).stream().allMatch(Check::passed);
	}

	private static Check check(Scenario.Expectation expectation, Scenario.Evidence evidence) {
		return expectation.check(evidence).getFirst();
	}

	private static List<String> failedNames(Scenario.Expectation expectation, Scenario.Evidence evidence) {
		return expectation.check(evidence).stream().filter((c) -> !c.passed()).map(Check::name).toList();
	}

	private static Scenario.Evidence evidence(List<ClientRecord> records, List<SystemSample> samples,
			List<LoadBalancerLog.Entry> balancer) {
		return new Scenario.Evidence(Timeline.of(records, START, WINDOW), records, samples, balancer, WINDOW, 2);
	}

	/** 20 acknowledged orders a second for 20 s. */
	private static List<ClientRecord> steady() {
		return IntStream.range(0, 400).mapToObj((i) -> request(i * 50L, 201, 10)).toList();
	}

	private static List<ClientRecord> requestsFailingBetween(long fromMs, long toMs) {
		return IntStream.range(0, 400).mapToObj((i) -> {
			long at = i * 50L;
			return (at >= fromMs && at < toMs) ? request(at, 503, 5) : request(at, 201, 10);
		}).toList();
	}

	private static ClientRecord request(long atMs, int status, long latencyMs) {
		return new ClientRecord(UUID.randomUUID().toString(), status, (status == 201) ? UUID.randomUUID() : null,
				latencyMs, null, START + atMs);
	}

	/** One sample a second from the fault's start, with these instances in service. */
	private static List<SystemSample> samples(int... inService) {
		return IntStream.range(0, inService.length)
			.mapToObj((i) -> new SystemSample(WINDOW.startedAt() + i * 1000L, inService[i], 0, 0))
			.toList();
	}

	/**
	 * During the fault: {@code n} answers with this status and time, and 201s besides.
	 */
	private static List<LoadBalancerLog.Entry> balancer(int n, int status, long totalMs) {
		List<LoadBalancerLog.Entry> entries = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			entries.add(new LoadBalancerLog.Entry(WINDOW.startedAt() + i * 50L, "web/web-1", 201, 10, "----"));
		}
		for (int i = 0; i < n; i++) {
			entries.add(new LoadBalancerLog.Entry(WINDOW.startedAt() + i * 100L, "web/web-2", status, totalMs, "----"));
		}
		return entries;
	}

}
