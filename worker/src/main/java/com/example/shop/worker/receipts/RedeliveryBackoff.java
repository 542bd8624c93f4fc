package com.example.shop.worker.receipts;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a message whose processing failed stays invisible before SQS delivers it
 * again: exponential in the number of receives, with jitter. A fixed visibility timeout
 * would spend the queue's 5 receives within a minute of a short S3 outage and dead-letter
 * good messages; doubling the wait lets a message outlast an outage of about a minute
 * before its last receive. The jitter is "equal jitter" (half the wait fixed, half
 * random), not full jitter, so every wait has a floor: the point here is to spend time,
 * while still keeping the messages of one outage from returning all at once.
 */
final class RedeliveryBackoff {

	private final Duration base;

	private final Duration cap;

	RedeliveryBackoff(Duration base, Duration cap) {
		this.base = base;
		this.cap = cap;
	}

	/**
	 * The visibility timeout to set after a failed receive.
	 * @param receiveCount how many times the message has been received, including this
	 * time
	 * @return seconds, at least 1
	 */
	int visibilitySeconds(int receiveCount) {
		long ceiling = Math.min(this.cap.toMillis(),
				this.base.toMillis() << Math.min(Math.max(receiveCount - 1, 0), 20));
		long wait = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
		return (int) Math.max(1, Math.round(wait / 1000.0));
	}

}
