package com.example.shop.lab.probe;

/**
 * What a database node is right now, as the node itself says
 * ({@code pg_is_in_recovery()}) or, when it cannot say, why not.
 */
public enum NodeRole {

	/** Accepts writes: the node the applications' multi-host URL finds. */
	PRIMARY("primary"),

	/** Replays the primary's WAL, read-only. */
	STANDBY("standby"),

	/** Its server is not running. */
	DOWN("down"),

	/** Its server runs (or is not known to have stopped) but does not answer. */
	UNREACHABLE("unreachable");

	private final String label;

	NodeRole(String label) {
		this.label = label;
	}

	/**
	 * Whether the node does its job in the pair.
	 * @return {@code true} for a primary or a standby
	 */
	public boolean serving() {
		return this == PRIMARY || this == STANDBY;
	}

	/**
	 * As {@code bin/lab status} and the dashboard print it.
	 * @return e.g. {@code primary}
	 */
	@Override
	public String toString() {
		return this.label;
	}

}
