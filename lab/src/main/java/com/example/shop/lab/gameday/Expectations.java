package com.example.shop.lab.gameday;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.example.shop.lab.faults.FaultWindow;
import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.gameday.report.SystemSample;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.probe.LoadBalancerLog;
import com.example.shop.lab.probe.NearestRank;

/**
 * The scenarios' own expectations, each a {@link Check} computed from what the clients
 * saw and what the system looked like while the fault acted.
 */
final class Expectations {

	/**
	 * Orders per second of the spike: several times what two web instances serve here.
	 */
	static final int SPIKE_RATE = 300;

	/** Where the spike records its own requests, in the scenario's folder. */
	static final String SPIKE_RECORD = "spike.jsonl";

	/** Samples after the fault that still count as "during": the checks lag by 5 s. */
	private static final Duration SETTLING = Duration.ofSeconds(5);

	/** What a shed request may take at most to be answered. */
	private static final long FAST_MS = 1000;

	private Expectations() {
	}

	static Scenario.Expectation noClientErrors() {
		return (evidence) -> List
			.of(Check.expect("no client errors", evidence.timeline().clientErrors() == 0, errors(evidence)));
	}

	static Scenario.Expectation errorWindowAtMost(Duration limit) {
		return (evidence) -> List.of(Check.expect("error window at most " + limit.toSeconds() + " s",
				evidence.timeline().errorWindowMs() <= limit.toMillis(), errors(evidence)));
	}

	static Scenario.Expectation failuresAre503s() {
		return (evidence) -> {
			long other = failed(evidence.records()).stream().filter((r) -> !isStatus(r, 503)).count();
			return List.of(Check.expect("every failure a 503, none a timeout", other == 0, errors(evidence)));
		};
	}

	static Scenario.Expectation noTimeouts() {
		return (evidence) -> {
			long noAnswer = failed(evidence.records()).stream().filter((r) -> r.status() == null).count();
			return List.of(Check.expect("every request answered, none timed out", noAnswer == 0, errors(evidence)));
		};
	}

	static Scenario.Expectation fleetKept() {
		return (evidence) -> {
			int least = evidence.samplesDuringFault(SETTLING)
				.stream()
				.mapToInt(SystemSample::inService)
				.filter((n) -> n >= 0)
				.min()
				.orElse(-1);
			return List.of(Check.expect("load balancer kept every instance", least == evidence.webInstances(),
					"fewest in service during the fault: " + least + " of " + evidence.webInstances()));
		};
	}

	static Scenario.Expectation outboxAbsorbed() {
		return (evidence) -> {
			int most = evidence.samplesDuringFault(SETTLING)
				.stream()
				.mapToInt(SystemSample::outboxPending)
				.max()
				.orElse(-1);
			return List.of(Check.expect("outbox held the events", most > 0,
					"up to " + most + " events waited in the outbox during the outage"));
		};
	}

	/**
	 * Judged at the load balancer, from its access log, as one would on AWS from the
	 * ALB's logs and metrics: the client-side latencies of a spike on a 2-core machine
	 * measure the load generators starving each other as much as the system.
	 */
	static Scenario.Expectation shedsFast() {
		return (evidence) -> {
			FaultWindow window = evidence.window();
			List<LoadBalancerLog.Entry> during = evidence.balancer()
				.stream()
				.filter((entry) -> entry.acceptedAt() >= window.startedAt() && entry.acceptedAt() < window.endedAt())
				.toList();
			List<Long> shed = during.stream()
				.filter((e) -> e.status() == 503)
				.map(LoadBalancerLog.Entry::totalMs)
				.toList();
			long broken = during.stream().filter((e) -> e.status() != 503 && e.status() != 201).count();
			long slowestShed = percentile99(shed);
			double acceptedPerSecond = perSecond(during.stream().filter((e) -> e.status() == 201).count(), window);
			double steadyPerSecond = steadyAcknowledgedPerSecond(evidence);
			return List.of(
					Check.expect("the excess was shed with 503s", !shed.isEmpty() && broken == 0,
							"at the load balancer: " + during.size() + " requests, " + shed.size() + " answered 503, "
									+ broken + " ended otherwise (502, 504, aborted)"),
					Check.expect("shedding was fast", slowestShed <= FAST_MS,
							"p99 of the 503 answers at the load balancer: " + slowestShed + " ms (limit " + FAST_MS
									+ " ms); clients saw " + errors(evidence)),
					Check.expect("accepted throughput did not collapse", acceptedPerSecond >= steadyPerSecond * 0.9,
							"%.0f orders/s accepted during the spike, %.0f/s before".formatted(acceptedPerSecond,
									steadyPerSecond)));
		};
	}

	static Scenario.Expectation fleetEmptiedAndFailedOpen() {
		return (evidence) -> {
			List<SystemSample> empty = evidence.samplesDuringFault(Duration.ofSeconds(30))
				.stream()
				.filter((sample) -> sample.inService() == 0)
				.toList();
			long failedOpen = empty.isEmpty() ? 0
					: evidence.records()
						.stream()
						.filter(ClientRecord::acknowledged)
						.filter((r) -> r.sentAt() >= empty.getFirst().at() && r.sentAt() <= empty.getLast().at())
						.count();
			return List.of(
					Check.expect("the database outage emptied the fleet", !empty.isEmpty(),
							"no instance in service for " + empty.size() + " s (local checks keep them all)"),
					Check.expect("the load balancer failed open", failedOpen > 0, failedOpen
							+ " orders acknowledged while no instance passed its check (the unchecked backups)"));
		};
	}

	/**
	 * Static stability: once the zone's failure has been absorbed, the zone left carries
	 * the steady load with the capacity it already had. Judged over the second half of
	 * the outage: every order in it acknowledged, their p99 within the recovery
	 * threshold, and the queue not growing by more than two seconds of orders (the
	 * workers left keep up). Either way the detail says how far the surviving zone was
	 * from the load.
	 */
	static Scenario.Expectation staticallyStable() {
		return (evidence) -> {
			FaultWindow window = evidence.window();
			long from = window.startedAt() + (window.endedAt() - window.startedAt()) / 2;
			List<ClientRecord> late = evidence.records()
				.stream()
				.filter((r) -> r.sentAt() >= from && r.endedAt() <= window.endedAt())
				.toList();
			long failed = late.stream().filter(ClientRecord::failed).count();
			long p99 = percentile99(
					late.stream().filter(ClientRecord::acknowledged).map(ClientRecord::latencyMs).toList());
			long threshold = evidence.timeline().recoveryThresholdMs();
			List<SystemSample> depths = evidence.samples()
				.stream()
				.filter((sample) -> sample.at() >= from && sample.at() <= window.endedAt() && sample.queueDepth() >= 0)
				.toList();
			int growth = depths.isEmpty() ? 0 : depths.getLast().queueDepth() - depths.getFirst().queueDepth();
			double steady = steadyAcknowledgedPerSecond(evidence);
			double seconds = depths.isEmpty() ? 0 : (depths.getLast().at() - depths.getFirst().at()) / 1000.0;
			double shortfall = seconds > 0 ? Math.max(0, growth / seconds) : 0;
			boolean served = !late.isEmpty() && failed == 0 && p99 <= threshold;
			boolean processed = !depths.isEmpty() && growth <= Math.max(2, 2 * steady);
			return List.of(
					Check.expect("the surviving zone served the steady load", served,
							"in the outage's second half: %d orders, %d failed, p99 %d ms (threshold %d ms)"
								.formatted(late.size(), failed, p99, threshold)),
					Check.expect("the surviving zone's workers kept up", processed, depths.isEmpty()
							? "no queue depth could be read"
							: "queue %d -> %d messages over %.0f s at %.0f orders/s: %s".formatted(
									depths.getFirst().queueDepth(), depths.getLast().queueDepth(), seconds, steady,
									processed ? "kept up" : "%.1f orders/s short of the load".formatted(shortfall))));
		};
	}

	private static String errors(Scenario.Evidence evidence) {
		Map<String, Integer> kinds = evidence.timeline().errorsByKind();
		return evidence.timeline().clientErrors() + " client errors " + (kinds.isEmpty() ? "" : kinds + " ")
				+ "in a window of " + evidence.timeline().errorWindowMs() + " ms";
	}

	private static List<ClientRecord> failed(List<ClientRecord> records) {
		return records.stream().filter(ClientRecord::failed).toList();
	}

	private static boolean isStatus(ClientRecord record, int status) {
		return record.status() != null && record.status() == status;
	}

	private static double perSecond(long count, FaultWindow window) {
		return count * 1000.0 / Math.max(1, window.endedAt() - window.startedAt());
	}

	private static double steadyAcknowledgedPerSecond(Scenario.Evidence evidence) {
		long start = evidence.timeline().loadStartedAt() + 2000;
		long end = evidence.window().startedAt();
		long acknowledged = evidence.records()
			.stream()
			.filter((r) -> r.acknowledged() && r.sentAt() >= start && r.sentAt() < end)
			.count();
		return acknowledged * 1000.0 / Math.max(1, end - start);
	}

	private static long percentile99(List<Long> latencies) {
		Long p99 = NearestRank.of(latencies.stream().mapToLong(Long::longValue).toArray(), 99);
		return (p99 != null) ? p99 : 0;
	}

}
