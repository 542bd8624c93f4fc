package com.example.shop.load;

import org.HdrHistogram.Histogram;

/**
 * A running tally of one period, kept by {@link LiveStats}. Not thread-safe on its own:
 * {@link LiveStats} guards it. Latencies go into an HdrHistogram, which keeps percentiles
 * exact to three significant digits in a fixed, small amount of memory however many
 * requests are recorded.
 */
final class Counts {

	/** One hour: far above any request timeout, so no latency is ever out of range. */
	private static final long HIGHEST_LATENCY_MS = 3_600_000;

	private final Histogram latencies = new Histogram(HIGHEST_LATENCY_MS, 3);

	private long sent;

	private long status2xx;

	private long status4xx;

	private long status5xx;

	private long conn;

	private long timeout;

	void sent() {
		this.sent++;
	}

	void completed(Outcome outcome) {
		this.latencies.recordValue(Math.clamp(outcome.latencyMs(), 0, HIGHEST_LATENCY_MS));
		if (outcome.error() == ErrorKind.CONN) {
			this.conn++;
		}
		else if (outcome.error() == ErrorKind.TIMEOUT) {
			this.timeout++;
		}
		else if (outcome.status() != null) {
			countStatus(outcome.status());
		}
	}

	/**
	 * Counts an answer by its class. A 1xx or 3xx (the orders API sends neither, and
	 * redirects are not followed) lands in no bucket here; the record file still has it.
	 */
	private void countStatus(int status) {
		switch (status / 100) {
			case 2 -> this.status2xx++;
			case 4 -> this.status4xx++;
			case 5 -> this.status5xx++;
			default -> {
			}
		}
	}

	Tally tally() {
		return new Tally(this.sent, this.status2xx, this.status4xx, this.status5xx, this.conn, this.timeout,
				this.latencies.getTotalCount(), this.latencies.getValueAtPercentile(50),
				this.latencies.getValueAtPercentile(99), this.latencies.getMaxValue());
	}

}
