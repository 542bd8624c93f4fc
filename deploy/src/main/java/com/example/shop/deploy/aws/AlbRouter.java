package com.example.shop.deploy.aws;

import java.util.List;

import com.example.shop.deploy.Colour;
import com.example.shop.deploy.TargetHealth;
import com.example.shop.deploy.TrafficRouter;
import com.example.shop.deploy.Weights;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The Application Load Balancer as a {@link TrafficRouter}: the listener's default action
 * is a weighted forward to the blue and the green target group, and a shift rewrites that
 * action. The ALB applies new weights to new connections' requests within seconds;
 * requests in flight finish where they are.
 *
 * <p>
 * The listener's default actions are replaced as a whole, so anything else in them (an
 * authentication action, say) would be lost: the web stack builds a plain forward.
 */
final class AlbRouter implements TrafficRouter {

	/**
	 * ALB weights range from 0 to 999; a tuple without one counts as 1, as in the CDK.
	 */
	private static final int DEFAULT_WEIGHT = 1;

	private final ElasticLoadBalancingV2Client elb;

	private final WebStackOutputs stack;

	AlbRouter(ElasticLoadBalancingV2Client elb, WebStackOutputs stack) {
		this.elb = elb;
		this.stack = stack;
	}

	/**
	 * The listener's weights in percent of their sum, whatever scale they were set on
	 * (the console and the CLI accept 0 to 999).
	 */
	@Override
	public Weights weights() {
		Action forward = forward(listener());
		List<TargetGroupTuple> groups = (forward.forwardConfig() != null) ? forward.forwardConfig().targetGroups()
				: List.of(TargetGroupTuple.builder().targetGroupArn(forward.targetGroupArn()).weight(100).build());
		int blue = 0;
		int green = 0;
		for (TargetGroupTuple group : groups) {
			int weight = (group.weight() != null) ? group.weight() : DEFAULT_WEIGHT;
			if (this.stack.blueTargetGroupArn().equals(group.targetGroupArn())) {
				blue += weight;
			}
			else if (this.stack.greenTargetGroupArn().equals(group.targetGroupArn())) {
				green += weight;
			}
			else if (weight > 0) {
				throw new IllegalStateException("the listener forwards to " + group.targetGroupArn()
						+ ", which is neither the blue nor the green target group");
			}
		}
		if (blue + green == 0) {
			throw new IllegalStateException("the listener gives no weight to either colour");
		}
		return new Weights(percent(blue, green), 100 - percent(blue, green));
	}

	@Override
	public void route(Weights weights) {
		this.elb.modifyListener(
				(request) -> request.listenerArn(this.stack.listenerArn())
					.defaultActions((action) -> action.type(ActionTypeEnum.FORWARD)
						.forwardConfig((forward) -> forward
							.targetGroups(tuple(Colour.BLUE, weights), tuple(Colour.GREEN, weights))
							.targetGroupStickinessConfig((stickiness) -> stickiness.enabled(false)))));
	}

	/**
	 * Counts the healthy targets of the colour's group; draining targets (leaving after a
	 * scale-in or a retirement) do not count at all, every other state counts as not
	 * healthy.
	 */
	@Override
	public TargetHealth health(Colour colour) {
		List<TargetHealthDescription> targets = this.elb
			.describeTargetHealth((request) -> request.targetGroupArn(this.stack.targetGroupArn(colour)))
			.targetHealthDescriptions();
		int healthy = 0;
		int total = 0;
		for (TargetHealthDescription target : targets) {
			TargetHealthStateEnum state = target.targetHealth().state();
			if (state != TargetHealthStateEnum.DRAINING) {
				total++;
				healthy += (state == TargetHealthStateEnum.HEALTHY) ? 1 : 0;
			}
		}
		return new TargetHealth(healthy, total);
	}

	/**
	 * A share in percent that is 0 or 100 only when the other weight is 0: 999 to 1 is
	 * not all traffic to one colour, and must not look live.
	 */
	private static int percent(int weight, int otherWeight) {
		int percent = Math.round(100f * weight / (weight + otherWeight));
		if (otherWeight > 0 && percent == 100) {
			return 99;
		}
		return (weight > 0 && percent == 0) ? 1 : percent;
	}

	private TargetGroupTuple tuple(Colour colour, Weights weights) {
		return TargetGroupTuple.builder()
			.targetGroupArn(this.stack.targetGroupArn(colour))
			.weight(weights.of(colour))
			.build();
	}

	private Listener listener() {
		return this.elb.describeListeners((request) -> request.listenerArns(this.stack.listenerArn()))
			.listeners()
			.getFirst();
	}

	private Action forward(Listener listener) {
		return listener.defaultActions()
			.stream()
			.filter((action) -> action.type() == ActionTypeEnum.FORWARD)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"listener " + listener.listenerArn() + " has no forward action to weigh the colours"));
	}

}
