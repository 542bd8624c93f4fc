package com.example.shop.deploy;

import java.util.Optional;

/**
 * Signals that stay quiet, or report a breach from a given reading on (1 is the first).
 */
final class FakeSignals implements HealthSignals {

	private final Journal journal;

	private final int breachFromReading;

	private final String reason;

	private int readings;

	private int baselines;

	private FakeSignals(Journal journal, int breachFromReading, String reason) {
		this.journal = journal;
		this.breachFromReading = breachFromReading;
		this.reason = reason;
	}

	static FakeSignals quiet(Journal journal) {
		return new FakeSignals(journal, Integer.MAX_VALUE, "");
	}

	static FakeSignals breachingFrom(Journal journal, int reading, String reason) {
		return new FakeSignals(journal, reading, reason);
	}

	@Override
	public void baseline(Colour newColour) {
		this.baselines++;
		this.journal.record("baseline " + newColour);
	}

	@Override
	public Optional<String> breach(Colour newColour) {
		this.readings++;
		return (this.readings >= this.breachFromReading) ? Optional.of(this.reason) : Optional.empty();
	}

	int baselines() {
		return this.baselines;
	}

}
