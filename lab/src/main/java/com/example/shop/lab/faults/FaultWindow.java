package com.example.shop.lab.faults;

/**
 * When a fault acted, in epoch milliseconds. Recovery is measured from {@code endedAt},
 * not from {@code healedAt}: a system that recovers on its own while the fault is being
 * undone (a standby promoted, a killed instance bypassed) deserves that credit, and a
 * one-shot fault such as a kill has no healing of its own to wait for.
 *
 * @param startedAt when the injection began
 * @param endedAt when the fault stopped acting: for a timed fault, when healing began;
 * for a one-shot fault (a kill, a failover), when the injection returned
 * @param healedAt when healing finished, not before {@code endedAt}
 */
public record FaultWindow(long startedAt, long endedAt, long healedAt) {

	public FaultWindow {
		if (endedAt < startedAt || healedAt < endedAt) {
			throw new IllegalArgumentException("Expected startedAt <= endedAt <= healedAt but got " + startedAt + ", "
					+ endedAt + ", " + healedAt);
		}
	}

}
