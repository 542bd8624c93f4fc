package com.example.shop.deploy;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

import com.example.shop.deploy.Progress.State;
import org.junit.jupiter.api.Test;

import static com.example.shop.deploy.Colour.BLUE;
import static com.example.shop.deploy.Colour.GREEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The state machine against fakes whose clock moves only when the deployment sleeps. With
 * the plan below, each step before the last is read 6 times (at 0, 1, … 5 min into it)
 * and the last 11 times; the journal shows every change with the minute it happened.
 */
class BlueGreenDeploymentTests {

	private static final DeploymentPlan PLAN = new DeploymentPlan(List.of(10, 50, 100), Duration.ofMinutes(10),
			Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(1));

	private final FakePacer pacer = new FakePacer();

	private final Journal journal = new Journal(this.pacer);

	private final FakeRouter router = new FakeRouter(this.journal, Weights.allTo(BLUE));

	private final FakeFleet fleet = new FakeFleet(this.journal).running(BLUE, 2);

	private final RecordingProgress progress = new RecordingProgress(this.pacer);

	private FakeSignals signals = FakeSignals.quiet(this.journal);

	@Test
	void shiftsToGreenInStepsAndRetiresBlueOnlyAfterTheFinalBake() {
		this.router.health(GREEN, healthy(2));

		Outcome outcome = deployment().deploy("v2");

		assertThat(outcome.deployed()).isTrue();
		assertThat(outcome.live()).isEqualTo(GREEN);
		assertThat(this.router.routed()).containsExactly(new Weights(90, 10), new Weights(50, 50), new Weights(0, 100));
		assertThat(this.journal.entries()).containsExactly("00:00 launch 2 green on v2", "00:00 baseline green",
				"00:00 route blue 90 / green 10", "05:00 route blue 50 / green 50", "10:00 route blue 0 / green 100",
				"20:00 retire blue");
		assertThat(this.progress.states()).containsExactly(State.LAUNCHING, State.AWAITING_HEALTH, State.SHIFTING,
				State.BAKING, State.SHIFTING, State.BAKING, State.SHIFTING, State.BAKING, State.RETIRING,
				State.DEPLOYED);
		assertThat(this.router.reads(GREEN)).isEqualTo(1 + 6 + 6 + 11);
	}

	@Test
	void shiftsFromGreenBackToBlueTheSameWay() {
		FakeRouter greenLive = new FakeRouter(this.journal, Weights.allTo(GREEN));
		greenLive.health(BLUE, healthy(3));
		this.fleet.running(BLUE, 0).running(GREEN, 3);

		Outcome outcome = deployment(greenLive).deploy("v3");

		assertThat(outcome.live()).isEqualTo(BLUE);
		assertThat(greenLive.routed()).containsExactly(new Weights(10, 90), new Weights(50, 50), new Weights(100, 0));
		assertThat(this.journal.entries()).startsWith("00:00 launch 3 blue on v3").endsWith("20:00 retire green");
		assertThat(this.fleet.retired()).containsExactly(GREEN);
	}

	@Test
	void rollsBackAfterExactlyTheHealthyTimeoutWhenTheNewColourNeverGetsHealthy() {
		this.router.health(GREEN, (reading) -> new TargetHealth(1, 2));

		Outcome outcome = deployment().deploy("v2");

		assertThat(outcome.deployed()).isFalse();
		assertThat(outcome.live()).isEqualTo(BLUE);
		assertThat(outcome.reason()).isEqualTo("green was not healthy after 600 s (1 of 2 healthy, 2 expected)");
		assertThat(this.router.routed()).containsExactly(Weights.allTo(BLUE));
		assertThat(this.journal.entries()).containsExactly("00:00 launch 2 green on v2",
				"10:00 route blue 100 / green 0", "10:00 retire green");
		assertThat(this.router.reads(GREEN)).isEqualTo(11);
		assertThat(this.progress.states()).containsExactly(State.LAUNCHING, State.AWAITING_HEALTH, State.ROLLING_BACK,
				State.ROLLED_BACK);
	}

	@Test
	void proceedsWhenTheNewColourIsHealthyAtTheLastReadingBeforeTheTimeout() {
		this.router.health(GREEN, (reading) -> (reading < 11) ? new TargetHealth(0, 2) : new TargetHealth(2, 2));

		Outcome outcome = deployment().deploy("v2");

		assertThat(outcome.deployed()).isTrue();
		assertThat(this.journal.entries()).contains("10:00 route blue 90 / green 10", "30:00 retire blue");
	}

	@Test
	void waitsForEveryExpectedTargetNotJustTheRegisteredOnes() {
		this.router.health(GREEN, (reading) -> (reading < 3) ? new TargetHealth(1, 1) : new TargetHealth(2, 2));

		deployment().deploy("v2");

		assertThat(this.journal.entries()).contains("02:00 route blue 90 / green 10");
	}

	@Test
	void rollsBackWhenTheNewColourLosesATargetWhileBaking() {
		// reading 1 awaits health, 2 to 7 bake 10 %, 8 is 50 % at 05:00, 9 at 06:00
		this.router.health(GREEN, (reading) -> (reading < 9) ? new TargetHealth(2, 2) : new TargetHealth(1, 2));

		Outcome outcome = deployment().deploy("v2");

		assertThat(outcome.deployed()).isFalse();
		assertThat(outcome.reason()).isEqualTo("green lost a target while taking traffic (1 of 2 healthy)");
		assertThat(this.journal.entries()).endsWith("05:00 route blue 50 / green 50", "06:00 route blue 100 / green 0",
				"06:00 retire green");
		assertThat(this.fleet.retired()).containsExactly(GREEN);
	}

	@Test
	void aNewColourScalingOutWhileBakingIsNoReasonToRollBack() {
		// from reading 5 on, a third instance is launching (registered, not yet healthy)
		this.router.health(GREEN, (reading) -> (reading < 5) ? new TargetHealth(2, 2) : new TargetHealth(2, 3));

		Outcome outcome = deployment().deploy("v2");

		assertThat(outcome).isEqualTo(new Outcome(true, GREEN, "green takes all traffic; the old colour is retired"));
	}

	@Test
	void rollsBackOnASignalBreachAtHalfTrafficAndKeepsTheOldColour() {
		// readings 1 to 6 bake 10 %, 7 is 50 % at 05:00, 8 at 06:00
		this.signals = FakeSignals.breachingFrom(this.journal, 8, "alarm Orders-Web-5xx is in ALARM");
		this.router.health(GREEN, healthy(2));

		Outcome outcome = deployment().deploy("v2");

		assertThat(outcome).isEqualTo(Outcome.rolledBack(BLUE, "alarm Orders-Web-5xx is in ALARM"));
		assertThat(this.router.routed()).containsExactly(new Weights(90, 10), new Weights(50, 50), new Weights(100, 0));
		assertThat(this.router.weights()).isEqualTo(new Weights(100, 0));
		assertThat(this.journal.entries()).endsWith("06:00 route blue 100 / green 0", "06:00 retire green");
		assertThat(this.fleet.retired()).containsExactly(GREEN);
		assertThat(this.fleet.capacity(BLUE)).isEqualTo(2);
		assertThat(this.progress.last().detail()).isEqualTo("blue takes all traffic; green is retired");
	}

	@Test
	void rollsBackWithTheMessageWhenTheLoadBalancerFails() {
		this.router.health(GREEN, healthy(2));
		this.router.failRoute(2, new IllegalStateException("listener update throttled"));

		Outcome outcome = deployment().deploy("v2");

		assertThat(outcome).isEqualTo(Outcome.rolledBack(BLUE, "the deployment failed: listener update throttled"));
		assertThat(this.router.routed()).containsExactly(new Weights(90, 10), new Weights(100, 0));
		assertThat(this.fleet.retired()).containsExactly(GREEN);
	}

	@Test
	void rollsBackWithTheMessageWhenLaunchingFails() {
		this.fleet.failLaunch(new IllegalStateException("no capacity for t4g.small"));

		Outcome outcome = deployment().deploy("v2");

		assertThat(outcome).isEqualTo(Outcome.rolledBack(BLUE, "the deployment failed: no capacity for t4g.small"));
		assertThat(this.router.routed()).containsExactly(new Weights(100, 0));
		assertThat(this.fleet.retired()).containsExactly(GREEN);
		assertThat(this.progress.states()).containsExactly(State.LAUNCHING, State.ROLLING_BACK, State.ROLLED_BACK);
	}

	@Test
	void refusesToStartWhileTrafficIsSplitAndLaunchesNothing() {
		FakeRouter split = new FakeRouter(this.journal, new Weights(50, 50));

		assertThatIllegalStateException().isThrownBy(() -> deployment(split).deploy("v2"))
			.withMessageContaining("traffic is split (blue 50 / green 50)");
		assertThat(this.journal.entries()).isEmpty();
		assertThat(this.progress.states()).isEmpty();
	}

	@Test
	void launchesOneInstanceWhenTheLiveColourHasNone() {
		this.fleet.running(BLUE, 0);
		this.router.health(GREEN, healthy(1));

		deployment().deploy("v2");

		assertThat(this.journal.entries()).first().isEqualTo("00:00 launch 1 green on v2");
	}

	@Test
	void takesTheBaselineOnceWhenHealthyAndBeforeTheFirstShift() {
		this.router.health(GREEN, (reading) -> (reading < 3) ? new TargetHealth(0, 2) : new TargetHealth(2, 2));

		deployment().deploy("v2");

		assertThat(this.signals.baselines()).isEqualTo(1);
		assertThat(this.journal.entries()).startsWith("00:00 launch 2 green on v2", "02:00 baseline green",
				"02:00 route blue 90 / green 10");
	}

	@Test
	void staysDeployedWhenRetiringTheOldColourFails() {
		this.router.health(GREEN, healthy(2));
		this.fleet.failRetire(new IllegalStateException("Rate exceeded"));

		Outcome outcome = deployment().deploy("v2");

		assertThat(outcome.deployed()).isTrue();
		assertThat(outcome.live()).isEqualTo(GREEN);
		assertThat(outcome.reason()).contains("retiring blue failed (Rate exceeded)");
		assertThat(this.router.routed()).last().isEqualTo(new Weights(0, 100));
		assertThat(this.fleet.retired()).containsExactly(BLUE);
		assertThat(this.progress.last().state()).isEqualTo(State.DEPLOYED);
	}

	@Test
	void rollsBackByHandFromAnInterruptedDeployment() {
		FakeRouter split = new FakeRouter(this.journal, new Weights(50, 50));

		Outcome outcome = deployment(split).rollBack(BLUE, "interrupted at 50 %");

		assertThat(outcome).isEqualTo(Outcome.rolledBack(BLUE, "interrupted at 50 %"));
		assertThat(this.journal.entries()).containsExactly("00:00 route blue 100 / green 0", "00:00 retire green");
		assertThat(this.progress.states()).containsExactly(State.ROLLING_BACK, State.ROLLED_BACK);
	}

	private BlueGreenDeployment deployment() {
		return deployment(this.router);
	}

	private BlueGreenDeployment deployment(FakeRouter router) {
		return new BlueGreenDeployment(router, this.fleet, this.signals, PLAN, this.pacer, this.progress);
	}

	private static IntFunction<TargetHealth> healthy(int count) {
		return (reading) -> new TargetHealth(count, count);
	}

}
