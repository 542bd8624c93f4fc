package com.example.shop.deploy.aws;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.example.shop.deploy.BlueGreenDeployment;
import com.example.shop.deploy.Colour;
import com.example.shop.deploy.DeploymentPlan;
import com.example.shop.deploy.Outcome;
import org.junit.jupiter.api.Test;

import static com.example.shop.deploy.aws.TestClients.STACK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state machine over the AWS implementations and the real SDK, against
 * {@link FakeAws}: the exact AWS calls of a deployment, in order. Each step is watched
 * twice (a bake of one poll).
 */
class AwsBlueGreenDeploymentTests {

	private static final DeploymentPlan PLAN = new DeploymentPlan(List.of(10, 50, 100), Duration.ofMinutes(2),
			Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));

	private static final String AMI = "ami-0abcdef1234567890";

	private static final List<String> WATCH_GREEN = List.of("DescribeTargetHealth green", "DescribeAlarms",
			"DescribeTargetHealth green", "DescribeAlarms");

	private final FakeAws aws = new FakeAws();

	@Test
	void aGoodDeploymentLaunchesGreenShiftsThreeTimesAndRetiresBlueLast() {
		Outcome outcome = deployment().deploy(AMI);

		assertThat(outcome.deployed()).isTrue();
		assertThat(this.aws.calls()).containsExactlyElementsOf(concat(
				List.of("DescribeListeners", "DescribeAutoScalingGroups blue", "DescribeAutoScalingGroups green",
						"CreateLaunchTemplateVersion lt-0green from 3 " + AMI,
						"UpdateAutoScalingGroup green version=4 min=2 desired=2 max=6", "DescribeTargetHealth green",
						"DescribeTargetHealth green", "DescribeTargetHealth green", "ModifyListener blue=90 green=10"),
				WATCH_GREEN, List.of("ModifyListener blue=50 green=50"), WATCH_GREEN,
				List.of("ModifyListener blue=0 green=100"), WATCH_GREEN,
				List.of("UpdateAutoScalingGroup blue min=0 desired=0")));
		assertThat(this.aws.groups.get(Colour.GREEN).image()).isEqualTo(AMI);
		assertThat(this.aws.groups.get(Colour.GREEN).desired).isEqualTo(2);
		assertThat(this.aws.groups.get(Colour.BLUE).desired).isZero();
	}

	@Test
	void anAlarmAtHalfTrafficSendsEverythingBackToBlueAndRetiresGreen() {
		this.aws.alarmFiresWhenGreenGets(50);

		Outcome outcome = deployment().deploy(AMI);

		assertThat(outcome).isEqualTo(
				new Outcome(false, Colour.BLUE, "alarm Orders-Web-5xx is in ALARM: Threshold Crossed: 5xx above 1 %"));
		assertThat(this.aws.calls()).endsWith("ModifyListener blue=90 green=10", "DescribeTargetHealth green",
				"DescribeAlarms", "DescribeTargetHealth green", "DescribeAlarms", "ModifyListener blue=50 green=50",
				"DescribeTargetHealth green", "DescribeAlarms", "ModifyListener blue=100 green=0",
				"UpdateAutoScalingGroup green min=0 desired=0");
		assertThat(this.aws.calls()).noneMatch((call) -> call.startsWith("UpdateAutoScalingGroup blue"));
		assertThat(this.aws.groups.get(Colour.BLUE).desired).isEqualTo(2);
	}

	private BlueGreenDeployment deployment() {
		AwsClients clients = this.aws.clients();
		WebTier tier = WebTier.of(clients, STACK);
		return tier.deployment(PLAN, new JumpingPacer(), (state, detail) -> {
		});
	}

	@SafeVarargs
	private static List<String> concat(List<String>... parts) {
		return Arrays.stream(parts).flatMap(List::stream).toList();
	}

}
