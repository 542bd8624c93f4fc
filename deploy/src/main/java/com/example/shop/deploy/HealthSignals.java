package com.example.shop.deploy;

import java.util.Optional;

/**
 * What says a new version hurts customers while it takes traffic: CloudWatch alarms on
 * AWS; the error rate and p99 latency the load balancer measured for the colour in the
 * lab.
 */
public interface HealthSignals {

	/**
	 * Called once before the first shift, so that later readings compare with how the
	 * system was before the new version took traffic.
	 * @param newColour the colour being deployed
	 */
	default void baseline(Colour newColour) {
	}

	/**
	 * Whether a signal is breached now.
	 * @param newColour the colour being deployed
	 * @return why the deployment must roll back, or empty while all is well
	 */
	Optional<String> breach(Colour newColour);

}
