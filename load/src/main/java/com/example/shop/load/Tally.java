package com.example.shop.load;

/**
 * The figures of one period (a second, or the whole run) as printed: how many orders were
 * sent, how the completed ones ended, and their latency percentiles. {@code sent} counts
 * requests started in the period and the rest counts requests that completed in it, so
 * under a stall {@code sent} keeps its rate while the answers fall behind: that gap is
 * what an open workload makes visible.
 *
 * @param sent requests started
 * @param status2xx answers 200 to 299
 * @param status4xx answers 400 to 499
 * @param status5xx answers 500 to 599
 * @param conn requests that failed without an answer before their timeout
 * @param timeout requests that got no answer within their timeout
 * @param completed every request that ended, however it ended
 * @param p50Ms the median latency of the completed requests
 * @param p99Ms the 99th percentile latency of the completed requests
 * @param maxMs the highest latency of the completed requests
 */
record Tally(long sent, long status2xx, long status4xx, long status5xx, long conn, long timeout, long completed,
		long p50Ms, long p99Ms, long maxMs) {

	/** One second's line, for example {@code t=12s sent=50 2xx=49 ... p99=48ms}. */
	String secondLine(long second) {
		return "t=" + second + "s " + counts();
	}

	/** The last line of a run: the totals and the whole run's percentiles. */
	String summaryLine() {
		return "total " + counts() + " max=" + millis(this.maxMs);
	}

	boolean isEmpty() {
		return this.sent == 0 && this.completed == 0;
	}

	private String counts() {
		return "sent=" + this.sent + " 2xx=" + this.status2xx + " 4xx=" + this.status4xx + " 5xx=" + this.status5xx
				+ " errors(conn=" + this.conn + " timeout=" + this.timeout + ") p50=" + millis(this.p50Ms) + " p99="
				+ millis(this.p99Ms);
	}

	private String millis(long value) {
		return (this.completed > 0) ? value + "ms" : "-";
	}

}
