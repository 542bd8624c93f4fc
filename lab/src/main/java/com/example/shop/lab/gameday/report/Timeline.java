package com.example.shop.lab.gameday.report;

import java.util.Collections;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;

import com.example.shop.lab.faults.FaultWindow;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.probe.NearestRank;
import org.jspecify.annotations.Nullable;

/**
 * What customers saw during one scenario, second by second, and the numbers a verdict is
 * built on. Requests are bucketed by when they were <em>sent</em>, not when they ended,
 * so a request that timed out after five seconds counts against the second in which the
 * customer asked, which is where the fault hit it.
 */
public final class Timeline {

	private static final long SECOND_MS = 1000;

	/**
	 * The first seconds of load pay for JVM warm-up and new connections, not the fault.
	 */
	private static final long WARM_UP_MS = 2000;

	private static final long THRESHOLD_FLOOR_MS = 100;

	/** One good second can be luck; three in a row under steady load is a recovery. */
	private static final int RECOVERED_SECONDS = 3;

	private final List<ClientRecord> records;

	private final long loadStartedAt;

	private final FaultWindow fault;

	private final List<Second> seconds;

	private Timeline(List<ClientRecord> records, long loadStartedAt, FaultWindow fault) {
		this.records = List.copyOf(records);
		this.loadStartedAt = loadStartedAt;
		this.fault = fault;
		this.seconds = Seconds.of(this.records, loadStartedAt);
	}

	/**
	 * Builds the timeline of one scenario.
	 * @param records every request the load generator made, in any order
	 * @param loadStartedAt when the load began, epoch milliseconds: second 0 starts here
	 * @param fault when the fault acted
	 * @return the timeline
	 */
	public static Timeline of(List<ClientRecord> records, long loadStartedAt, FaultWindow fault) {
		return new Timeline(records, loadStartedAt, fault);
	}

	/**
	 * One bucket per second from the load start to the last request sent, empty seconds
	 * included so that a stall shows as a gap rather than disappearing.
	 * @return the seconds, {@code t} counting from 0
	 */
	public List<Second> seconds() {
		return this.seconds;
	}

	/**
	 * The p99 latency of acknowledged requests before the fault, after warm-up: the
	 * baseline that recovery is judged against.
	 * @return milliseconds; falls back to all acknowledged requests before the fault when
	 * none were sent after warm-up, and to 0 when there are none at all
	 */
	public long steadyP99Ms() {
		Long steady = NearestRank.p99(acknowledgedLatenciesBeforeFault(this.loadStartedAt + WARM_UP_MS));
		if (steady == null) {
			steady = NearestRank.p99(acknowledgedLatenciesBeforeFault(Long.MIN_VALUE));
		}
		return (steady != null) ? steady : 0;
	}

	/**
	 * The p99 a second may have and still count as recovered: twice the steady p99, but
	 * at least 100 ms. On loopback the steady p99 is a few tens of milliseconds, and on a
	 * shared 2-core machine a second's p99 moves by as much with a collection, a JIT
	 * compilation or another JVM starting (the replacement of a killed instance): without
	 * the floor those would look like an outage that never ends.
	 * @return milliseconds
	 */
	public long recoveryThresholdMs() {
		return Math.max(2 * steadyP99Ms(), THRESHOLD_FLOOR_MS);
	}

	/**
	 * How long after the fault stopped acting customers were served normally again: the
	 * start of the first of three consecutive complete seconds, from the one in which the
	 * fault ended onwards, each with requests, no failures and p99 within the threshold.
	 * The last second is partial (the load ended inside it) and never counts.
	 * @return milliseconds from {@link FaultWindow#endedAt()}, 0 when the fault had no
	 * visible effect, {@code null} when the system did not recover while under load
	 */
	public @Nullable Long recoveryMs() {
		long threshold = recoveryThresholdMs();
		int complete = this.seconds.size() - 1;
		int first = (int) Math.max(0, Math.floorDiv(this.fault.endedAt() - this.loadStartedAt, SECOND_MS));
		for (int t = first; t + RECOVERED_SECONDS <= complete; t++) {
			if (healthyFrom(t, threshold)) {
				return Math.max(0, this.loadStartedAt + t * SECOND_MS - this.fault.endedAt());
			}
		}
		return null;
	}

	/**
	 * How many requests customers saw fail.
	 * @return the number of {@linkplain ClientRecord#failed() failed} records
	 */
	public int clientErrors() {
		return (int) this.records.stream().filter(ClientRecord::failed).count();
	}

	/**
	 * How long customers saw errors: from the end of the first failed request to the end
	 * of the last one.
	 * @return milliseconds, 0 with fewer than two failures
	 */
	public long errorWindowMs() {
		LongSummaryStatistics ends = this.records.stream()
			.filter(ClientRecord::failed)
			.mapToLong(ClientRecord::endedAt)
			.summaryStatistics();
		return (ends.getCount() < 2) ? 0 : ends.getMax() - ends.getMin();
	}

	/**
	 * The failures by kind, so that a 503 from a closed gate reads differently from a
	 * timeout.
	 * @return counts keyed by status ({@code 503}) or error label ({@code timeout}),
	 * sorted by key, only kinds that occurred
	 */
	public Map<String, Integer> errorsByKind() {
		Map<String, Integer> kinds = new TreeMap<>();
		this.records.stream().filter(ClientRecord::failed).forEach((r) -> kinds.merge(r.kind(), 1, Integer::sum));
		return Collections.unmodifiableMap(kinds);
	}

	/**
	 * How many requests the load generator made.
	 * @return the number of records
	 */
	public int sent() {
		return this.records.size();
	}

	/**
	 * How many orders customers were told were taken.
	 * @return the number of {@linkplain ClientRecord#acknowledged() acknowledged} records
	 */
	public int acknowledged() {
		return (int) this.records.stream().filter(ClientRecord::acknowledged).count();
	}

	/**
	 * When the fault acted, for drawing it on the chart.
	 * @return the fault window
	 */
	public FaultWindow fault() {
		return this.fault;
	}

	/**
	 * When second 0 began.
	 * @return epoch milliseconds
	 */
	public long loadStartedAt() {
		return this.loadStartedAt;
	}

	/**
	 * Where an instant falls on this timeline.
	 * @param epochMs the instant
	 * @return seconds since the load started, with a fraction
	 */
	double secondsFromStart(long epochMs) {
		return (epochMs - this.loadStartedAt) / (double) SECOND_MS;
	}

	private boolean healthyFrom(int t, long threshold) {
		for (int i = t; i < t + RECOVERED_SECONDS; i++) {
			if (!this.seconds.get(i).healthy(threshold)) {
				return false;
			}
		}
		return true;
	}

	private long[] acknowledgedLatenciesBeforeFault(long from) {
		return this.records.stream()
			.filter((r) -> r.acknowledged() && r.sentAt() >= from && r.sentAt() < this.fault.startedAt())
			.mapToLong(ClientRecord::latencyMs)
			.toArray();
	}

	/**
	 * The requests sent in one second of load.
	 *
	 * @param t seconds since the load started: the bucket covers {@code [t, t + 1)}
	 * @param sent requests sent in it
	 * @param acknowledged of those, the ones answered 200 or 201
	 * @param failed of those, the others
	 * @param p99Ms p99 latency of all of them, failed ones included (a timeout is what
	 * the customer waited), or {@code null} when none were sent
	 */
	public record Second(int t, int sent, int acknowledged, int failed, @Nullable Long p99Ms) {

		boolean healthy(long thresholdMs) {
			return this.sent > 0 && this.failed == 0 && this.p99Ms != null && this.p99Ms <= thresholdMs;
		}

	}

}
