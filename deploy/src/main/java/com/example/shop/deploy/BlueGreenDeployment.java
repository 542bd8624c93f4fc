package com.example.shop.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.example.shop.deploy.Progress.State;

/**
 * A blue/green deployment of the web tier, the same on AWS and in the lab: start the idle
 * colour on the new version with the live colour's capacity, wait until all its targets
 * are healthy, shift traffic to it step by step while watching the health signals, and
 * retire the old colour after the final bake. Anything that goes wrong before that (the
 * new colour never healthy, a target failing later, a breached signal, an exception from
 * the load balancer or the instances) sends all traffic back to the old colour and
 * retires the new one. The old colour keeps running until the very end, which is what
 * makes the rollback instant.
 */
public final class BlueGreenDeployment {

	private final TrafficRouter router;

	private final Fleet fleet;

	private final HealthSignals signals;

	private final DeploymentPlan plan;

	private final Pacer pacer;

	private final Progress progress;

	public BlueGreenDeployment(TrafficRouter router, Fleet fleet, HealthSignals signals, DeploymentPlan plan,
			Pacer pacer, Progress progress) {
		this.router = router;
		this.fleet = fleet;
		this.signals = signals;
		this.plan = plan;
		this.pacer = pacer;
		this.progress = progress;
	}

	/**
	 * Deploys a version to the idle colour.
	 * @param version an AMI id on AWS, a release of the jar in the lab
	 * @return how it ended: deployed, or rolled back with the reason
	 * @throws IllegalStateException if traffic is split between the colours already (an
	 * interrupted deployment: {@link #rollBack(Colour, String)} first)
	 */
	public Outcome deploy(String version) {
		Weights before = this.router.weights();
		Colour live = before.live()
			.orElseThrow(() -> new IllegalStateException("traffic is split (" + before
					+ "): a deployment is under way or was interrupted; roll back to one colour first"));
		Colour next = live.other();
		int capacity = Math.max(1, this.fleet.capacity(live));
		try {
			return shiftTo(next, version, capacity);
		}
		catch (Breach breach) {
			return rollBack(live, breach.getMessage());
		}
		catch (RuntimeException ex) {
			return rollBack(live, "the deployment failed: " + ex.getMessage());
		}
	}

	/**
	 * Sends all traffic to one colour and retires the other: the automatic rollback, and
	 * the manual one after an interrupted deployment.
	 * @param keep the colour that takes all traffic afterwards
	 * @param reason why
	 * @return the outcome, rolled back
	 */
	public Outcome rollBack(Colour keep, String reason) {
		this.progress.entered(State.ROLLING_BACK, reason + "; all traffic back to " + keep);
		this.router.route(Weights.allTo(keep));
		this.fleet.retire(keep.other());
		this.progress.entered(State.ROLLED_BACK, keep + " takes all traffic; " + keep.other() + " is retired");
		return Outcome.rolledBack(keep, reason);
	}

	private Outcome shiftTo(Colour next, String version, int capacity) {
		this.progress.entered(State.LAUNCHING, capacity + " " + next + " instance(s) on " + version);
		this.fleet.launch(next, version, capacity);
		this.progress.entered(State.AWAITING_HEALTH, "until all " + capacity + " " + next + " target(s) are healthy");
		awaitHealthy(next, capacity);
		this.signals.baseline(next);
		for (int percent : this.plan.steps()) {
			this.progress.entered(State.SHIFTING, percent + " % of new requests to " + next);
			this.router.route(Weights.shift(next, percent));
			Duration bake = (percent == 100) ? this.plan.finalBake() : this.plan.bake();
			this.progress.entered(State.BAKING,
					"watching " + next + " at " + percent + " % for " + bake.toSeconds() + " s");
			watch(next, capacity, bake);
		}
		return retireOld(next);
	}

	/**
	 * Retires the old colour once the new one passed its final bake. A failure here must
	 * not roll back: the new colour is proven, and the old one may be draining already (a
	 * call that timed out may still have been applied), so sending traffic back to it
	 * could leave no colour serving.
	 */
	private Outcome retireOld(Colour next) {
		Colour old = next.other();
		this.progress.entered(State.RETIRING, old.toString());
		Outcome outcome;
		try {
			this.fleet.retire(old);
			outcome = Outcome.deployed(next);
		}
		catch (RuntimeException ex) {
			outcome = new Outcome(true, next, next + " takes all traffic, but retiring " + old + " failed ("
					+ ex.getMessage() + "): retire it again");
		}
		this.progress.entered(State.DEPLOYED, outcome.reason());
		return outcome;
	}

	private void awaitHealthy(Colour colour, int capacity) {
		Instant deadline = this.pacer.now().plus(this.plan.healthyTimeout());
		TargetHealth health = this.router.health(colour);
		while (!health.allHealthy(capacity)) {
			if (!this.pacer.now().isBefore(deadline)) {
				throw new Breach(colour + " was not healthy after " + this.plan.healthyTimeout().toSeconds() + " s ("
						+ health + ", " + capacity + " expected)");
			}
			this.pacer.sleep(this.plan.poll());
			health = this.router.health(colour);
		}
	}

	private void watch(Colour colour, int capacity, Duration bake) {
		Instant end = this.pacer.now().plus(bake);
		do {
			TargetHealth health = this.router.health(colour);
			// Fewer healthy targets than were launched: one failed. More targets than
			// that
			// (scaling out under the new load) are not a reason to roll back.
			if (health.healthy() < capacity) {
				throw new Breach(colour + " lost a target while taking traffic (" + health + ")");
			}
			Optional<String> breach = this.signals.breach(colour);
			if (breach.isPresent()) {
				throw new Breach(breach.get());
			}
			if (!this.pacer.now().isBefore(end)) {
				return;
			}
			this.pacer.sleep(this.plan.poll());
		}
		while (true);
	}

	/** A reason to roll back. */
	private static final class Breach extends RuntimeException {

		Breach(String reason) {
			super(reason);
		}

	}

}
