package com.example.shop.deploy;

import java.time.Duration;
import java.util.List;

/**
 * How a deployment goes: the traffic steps and how long each is watched.
 *
 * @param steps the new colour's share at each step, rising, ending at 100 (e.g. 10, 50,
 * 100)
 * @param healthyTimeout how long the new colour may take until all its targets are
 * healthy
 * @param bake how long each step before the last is watched
 * @param finalBake how long the last step is watched before the old colour is retired
 * @param poll how often health and signals are read while waiting or watching
 */
public record DeploymentPlan(List<Integer> steps, Duration healthyTimeout, Duration bake, Duration finalBake,
		Duration poll) {

	public DeploymentPlan {
		steps = List.copyOf(steps);
		if (steps.isEmpty() || steps.getLast() != 100) {
			throw new IllegalArgumentException("the steps must end at 100, not " + steps);
		}
		for (int i = 0; i < steps.size(); i++) {
			int previous = (i == 0) ? 0 : steps.get(i - 1);
			if (steps.get(i) <= previous) {
				throw new IllegalArgumentException("the steps must rise from above 0 to 100, not " + steps);
			}
		}
	}

}
