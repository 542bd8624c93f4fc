package com.example.shop.load;

/**
 * The figures of the current second and of the whole run, updated from Gatling's threads
 * as requests start and end, and read once a second by {@link SecondReporter}. One lock
 * keeps the two in step: at the rates of a lab (hundreds of requests a second) it costs
 * nothing measurable, and no request is counted in a second it did not happen in.
 */
final class LiveStats {

	private final Object lock = new Object();

	private final Counts total = new Counts();

	private Counts second = new Counts();

	void sent() {
		synchronized (this.lock) {
			this.second.sent();
			this.total.sent();
		}
	}

	void completed(Outcome outcome) {
		synchronized (this.lock) {
			this.second.completed(outcome);
			this.total.completed(outcome);
		}
	}

	/** Returns the figures since the last call, and starts counting afresh. */
	Tally closeSecond() {
		synchronized (this.lock) {
			Tally closed = this.second.tally();
			this.second = new Counts();
			return closed;
		}
	}

	Tally total() {
		synchronized (this.lock) {
			return this.total.tally();
		}
	}

}
