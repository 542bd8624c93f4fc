package com.example.shop.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeploymentPlanTests {

	@Test
	void acceptsStepsRisingFromAboveZeroTo100() {
		assertThat(plan(List.of(10, 50, 100)).steps()).containsExactly(10, 50, 100);
		assertThat(plan(List.of(100)).steps()).containsExactly(100);
	}

	@ParameterizedTest
	@MethodSource("stepsThatDoNotRiseTo100")
	void rejectsStepsThatDoNotRiseFromAboveZeroTo100(List<Integer> steps) {
		assertThatIllegalArgumentException().isThrownBy(() -> plan(steps)).withMessageContaining(steps.toString());
	}

	@Test
	void keepsItsOwnCopyOfTheSteps() {
		List<Integer> steps = new ArrayList<>(List.of(10, 100));
		DeploymentPlan plan = plan(steps);

		steps.add(1, 50);

		assertThat(plan.steps()).containsExactly(10, 100);
	}

	static List<List<Integer>> stepsThatDoNotRiseTo100() {
		return List.of(List.of(), List.of(10, 50), List.of(50, 10, 100), List.of(10, 10, 100), List.of(0, 100),
				List.of(-10, 100), List.of(10, 100, 100), List.of(10, 50, 100, 120));
	}

	private static DeploymentPlan plan(List<Integer> steps) {
		return new DeploymentPlan(steps, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(10),
				Duration.ofSeconds(15));
	}

}
