package com.example.shop.deploy.aws;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

import com.example.shop.deploy.BlueGreenDeployment;
import com.example.shop.deploy.Colour;
import com.example.shop.deploy.DeploymentPlan;
import com.example.shop.deploy.Pacer;
import com.example.shop.deploy.Progress;
import com.example.shop.deploy.TargetHealth;
import com.example.shop.deploy.Weights;

/**
 * The web tier of one stack as the deployment sees it: the listener, the two groups and
 * the deploy alarms, wired from the stacks' outputs.
 *
 * @param router the listener
 * @param fleet the groups
 * @param signals the deploy alarms
 */
record WebTier(AlbRouter router, AutoScalingFleet fleet, AlarmSignals signals) {

	static WebTier of(AwsClients aws, WebStackOutputs stack) {
		return new WebTier(new AlbRouter(aws.elb(), stack), new AutoScalingFleet(aws.autoScaling(), aws.ec2(), stack),
				new AlarmSignals(aws.cloudWatch(), stack.deployAlarmNames()));
	}

	BlueGreenDeployment deployment(DeploymentPlan plan, Pacer pacer, Progress progress) {
		return new BlueGreenDeployment(this.router, this.fleet, this.signals, plan, pacer, progress);
	}

	/**
	 * Why a deployment must not start now: a deploy alarm fires already (the new version
	 * would be blamed for it, or its own harm hidden by it), traffic is split (an earlier
	 * deployment was interrupted, and a rollback would not know where to go), or the idle
	 * colour still runs instances (they would run an earlier version).
	 * @return the reason, or empty when the tier is at rest
	 */
	Optional<String> whyNotDeploy() {
		Map<String, String> firing = this.signals.firing();
		if (!firing.isEmpty()) {
			return Optional
				.of("not deploying while deploy alarm(s) are in ALARM: " + String.join(", ", firing.keySet()));
		}
		Weights weights = this.router.weights();
		if (weights.live().isEmpty()) {
			return Optional.of("traffic is split (" + weights + "): an earlier deployment was interrupted; "
					+ "run --rollback-to blue or --rollback-to green first");
		}
		Colour live = weights.live().get();
		int idle = this.fleet.capacity(live.other());
		if (idle > 0) {
			return Optional.of(live.other() + " takes no traffic but still runs " + idle + " instance(s) (an "
					+ "interrupted deployment, or a retirement that failed): run --rollback-to " + live + " first");
		}
		return Optional.empty();
	}

	/**
	 * Why all traffic must not go to a colour: it has no healthy target, so every request
	 * would fail, which is worse than whatever the rollback was meant to end.
	 * @param keep the colour to send all traffic to
	 * @return the reason, or empty when the colour can take traffic
	 */
	Optional<String> whyNotRollBackTo(Colour keep) {
		TargetHealth health = this.router.health(keep);
		if (health.healthy() == 0) {
			return Optional.of("not rolling back to " + keep + ": it has no healthy target (" + health + ")");
		}
		return Optional.empty();
	}

	/**
	 * Prints which colour is live, the weights, each colour's targets and capacity, and
	 * the deploy alarms that fire: what to look at before deploying or rolling back.
	 * @param out where to print
	 */
	void printStatus(PrintWriter out) {
		Weights weights = this.router.weights();
		out.println("live: " + weights.live().map(Colour::toString).orElse("none, traffic is split") + " (" + weights
				+ ")");
		for (Colour colour : Colour.values()) {
			out.println(colour + ": " + this.router.health(colour) + ", capacity " + this.fleet.capacity(colour));
		}
		Map<String, String> firing = this.signals.firing();
		out.println(firing.isEmpty() ? "deploy alarms: none in ALARM" : "deploy alarms in ALARM: " + firing);
		out.flush();
	}

}
