package com.example.shop.lab.deploy;

import java.util.List;
import java.util.Map;

import com.example.shop.deploy.Colour;
import com.example.shop.deploy.TargetHealth;
import com.example.shop.deploy.TrafficRouter;
import com.example.shop.deploy.Weights;
import com.example.shop.lab.fleet.WebColours;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.probe.BalancerProbe;
import com.example.shop.lab.standins.LoadBalancer;

/**
 * HAProxy as the deployment's traffic router, through its runtime API: a colour's share
 * is the weight of each of its servers (both colours run the same number of instances
 * during a deployment, so a weight of 10 on each green server and 90 on each blue one
 * sends 10 % of new requests to green), and a colour's health is what HAProxy's checks on
 * {@code /readyz} say of its servers, as an ALB target group's would.
 */
final class LabTrafficRouter implements TrafficRouter {

	private final LoadBalancer loadBalancer;

	private final BalancerProbe balancer;

	LabTrafficRouter(LoadBalancer loadBalancer, BalancerProbe balancer) {
		this.loadBalancer = loadBalancer;
		this.balancer = balancer;
	}

	@Override
	public Weights weights() {
		Map<String, String> status = this.balancer.webStatus();
		int blue = weightOf(Colour.BLUE, status);
		int green = weightOf(Colour.GREEN, status);
		if (blue + green == 0) {
			throw new LabException("no web instance has any weight at the load balancer; is the lab up?");
		}
		int bluePercent = Math.round(100f * blue / (blue + green));
		return new Weights(bluePercent, 100 - bluePercent);
	}

	@Override
	public void route(Weights weights) {
		Map<String, String> status = this.balancer.webStatus();
		for (Colour colour : Colour.values()) {
			for (int slot : registered(colour, status)) {
				this.loadBalancer.setWeight(slot, weights.of(colour));
			}
		}
	}

	@Override
	public TargetHealth health(Colour colour) {
		Map<String, String> status = this.balancer.webStatus();
		List<Integer> registered = registered(colour, status);
		// "UP" alone: "UP 1/2" is a server on its way down; "DOWN 1/2" one on its way up.
		long healthy = registered.stream().filter((slot) -> status.get("web-" + slot).equals("UP")).count();
		return new TargetHealth((int) healthy, registered.size());
	}

	private int weightOf(Colour colour, Map<String, String> status) {
		return registered(colour, status).stream().mapToInt(this.loadBalancer::weight).sum();
	}

	/** A colour's servers that are not in maintenance: its registered targets. */
	private static List<Integer> registered(Colour colour, Map<String, String> status) {
		return WebColours.slots(colour)
			.stream()
			.filter((slot) -> !status.getOrDefault("web-" + slot, "MAINT").startsWith("MAINT"))
			.toList();
	}

}
