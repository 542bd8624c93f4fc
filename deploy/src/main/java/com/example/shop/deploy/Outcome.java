package com.example.shop.deploy;

/**
 * How a deployment ended.
 *
 * @param deployed {@code true} when the new colour took all traffic and the old one was
 * retired; {@code false} when it was rolled back
 * @param live the colour that takes all traffic afterwards
 * @param reason what happened, in one sentence
 */
public record Outcome(boolean deployed, Colour live, String reason) {

	static Outcome deployed(Colour live) {
		return new Outcome(true, live, live + " takes all traffic; the old colour is retired");
	}

	static Outcome rolledBack(Colour live, String reason) {
		return new Outcome(false, live, reason);
	}

}
