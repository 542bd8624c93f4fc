package com.example.shop.deploy;

/**
 * The load balancer as a deployment sees it: weights between the two colours and the
 * health of each colour's targets. On AWS the ALB listener's weighted forward and its
 * target groups; in the lab HAProxy's server weights and checks.
 */
public interface TrafficRouter {

	/**
	 * The weights in force now.
	 * @return the current weights
	 */
	Weights weights();

	/**
	 * Changes the weights; new requests follow them at once, requests in flight finish
	 * where they are.
	 * @param weights the new weights
	 */
	void route(Weights weights);

	/**
	 * What the health checks say of a colour's targets.
	 * @param colour the colour
	 * @return its targets' health
	 */
	TargetHealth health(Colour colour);

}
