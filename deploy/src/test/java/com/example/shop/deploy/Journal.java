package com.example.shop.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fakes were asked to do that changes something (launch, baseline, route,
 * retire), each with the fake clock's time since the start as {@code mm:ss}, so that a
 * test reads the whole deployment, its order and its pace in one list.
 */
final class Journal {

	private final FakePacer pacer;

	private final List<String> entries = new ArrayList<>();

	Journal(FakePacer pacer) {
		this.pacer = pacer;
	}

	void record(String event) {
		Duration elapsed = this.pacer.elapsed();
		this.entries.add("%02d:%02d %s".formatted(elapsed.toMinutes(), elapsed.toSecondsPart(), event));
	}

	List<String> entries() {
		return List.copyOf(this.entries);
	}

}
