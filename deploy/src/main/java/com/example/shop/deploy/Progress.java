package com.example.shop.deploy;

/**
 * Where a deployment reports each state it enters: the console of {@code bin/lab deploy}
 * or of the AWS deploy command, and the tests.
 */
@FunctionalInterface
public interface Progress {

	/** The states of a deployment, in the order a successful one passes them. */
	enum State {

		LAUNCHING, AWAITING_HEALTH, SHIFTING, BAKING, RETIRING, DEPLOYED, ROLLING_BACK, ROLLED_BACK

	}

	/**
	 * A state was entered.
	 * @param state the state
	 * @param detail what it is about, for a person
	 */
	void entered(State state, String detail);

}
