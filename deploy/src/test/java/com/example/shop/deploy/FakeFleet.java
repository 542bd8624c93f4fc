package com.example.shop.deploy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Instances as counts per colour; launch and retire can be made to fail. */
final class FakeFleet implements Fleet {

	private final Journal journal;

	private final Map<Colour, Integer> capacity = new EnumMap<>(Map.of(Colour.BLUE, 0, Colour.GREEN, 0));

	private final List<Colour> retired = new ArrayList<>();

	private @Nullable RuntimeException launchFailure;

	private @Nullable RuntimeException retireFailure;

	FakeFleet(Journal journal) {
		this.journal = journal;
	}

	FakeFleet running(Colour colour, int count) {
		this.capacity.put(colour, count);
		return this;
	}

	void failLaunch(RuntimeException failure) {
		this.launchFailure = failure;
	}

	void failRetire(RuntimeException failure) {
		this.retireFailure = failure;
	}

	@Override
	public int capacity(Colour colour) {
		return this.capacity.get(colour);
	}

	@Override
	public void launch(Colour colour, String version, int count) {
		if (this.launchFailure != null) {
			throw this.launchFailure;
		}
		this.journal.record("launch " + count + " " + colour + " on " + version);
		this.capacity.put(colour, count);
	}

	@Override
	public void retire(Colour colour) {
		this.retired.add(colour);
		if (this.retireFailure != null) {
			throw this.retireFailure;
		}
		this.journal.record("retire " + colour);
		this.capacity.put(colour, 0);
	}

	List<Colour> retired() {
		return List.copyOf(this.retired);
	}

}
