package com.example.shop.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every state entered, with its detail and the fake clock's time. */
final class RecordingProgress implements Progress {

	private final FakePacer pacer;

	private final List<Entry> entries = new ArrayList<>();

	RecordingProgress(FakePacer pacer) {
		this.pacer = pacer;
	}

	@Override
	public void entered(State state, String detail) {
		this.entries.add(new Entry(state, detail, this.pacer.elapsed()));
	}

	List<State> states() {
		return this.entries.stream().map(Entry::state).toList();
	}

	Entry last() {
		return this.entries.getLast();
	}

	/**
	 * One state entered.
	 *
	 * @param state the state
	 * @param detail its detail
	 * @param at the time since the start
	 */
	record Entry(State state, String detail, Duration at) {

	}

}
