package com.example.shop.lab.gameday.report;

/**
 * One claim of a scenario's hypothesis, tested against what happened. The detail says
 * what was seen either way, so that a passed check can be read aloud as evidence and a
 * failed one points at the orders to look at.
 *
 * @param name a short name, e.g. {@code unprocessed}
 * @param passed whether the claim held
 * @param detail what was seen, e.g. {@code 12 acknowledged orders never PROCESSED}
 */
public record Check(String name, boolean passed, String detail) {

	/**
	 * Same as the constructor; reads well in a list of checks:
	 * {@code expect("lost", lost == 0, lost + " acknowledged orders missing")}.
	 * @param name a short name
	 * @param passed whether the claim held
	 * @param detail what was seen
	 * @return the check
	 */
	public static Check expect(String name, boolean passed, String detail) {
		return new Check(name, passed, detail);
	}

}
