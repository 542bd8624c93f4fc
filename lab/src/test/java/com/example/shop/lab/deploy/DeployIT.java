package com.example.shop.lab.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.example.shop.deploy.Colour;
import com.example.shop.lab.fleet.WebColours;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.testing.OrdersApi;
import com.example.shop.lab.testing.RunningLab;
import com.example.shop.lab.testing.SteadyLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/lab deploy} against the real lab under a steady load of orders: a good
 * release moves all traffic from blue to green without one failed request, and a broken
 * one (healthy, but refusing every order) is rolled back by itself after the first step,
 * costing only the few requests that showed it was broken.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployIT {

	@BeforeAll
	static void bringTheLabUp() throws Exception {
		RunningLab.up();
	}

	@AfterAll
	static void takeTheLabDown() {
		RunningLab.down();
	}

	@Test
	@Order(1)
	void aGoodReleaseTakesAllTrafficWithoutOneFailedRequest() throws Exception {
		SteadyLoad load = SteadyLoad.start(OrdersApi.LOAD_BALANCER, Duration.ofMillis(100));
		Thread.sleep(Duration.ofSeconds(2));

		int exit = RunningLab.lab("deploy", "--version", "v2", "--bake", "5", "--final-bake", "5", "--healthy-timeout",
				"300");
		Instant deployed = Instant.now();
		Thread.sleep(Duration.ofSeconds(3));
		List<SteadyLoad.Outcome> outcomes = load.stop();

		assertThat(exit).isZero();
		assertThat(outcomes).hasSizeGreaterThan(100);
		assertThat(outcomes).as("failed requests").filteredOn((outcome) -> outcome.status() != 201).isEmpty();
		assertThat(outcomes).extracting(SteadyLoad.Outcome::servedBy).contains("web-1", "web-2", "web-5", "web-6");
		assertThat(outcomes).filteredOn((outcome) -> outcome.sentAt().isAfter(deployed))
			.isNotEmpty()
			.extracting(SteadyLoad.Outcome::servedBy)
			.containsOnly("web-5", "web-6");
		assertThat(WebColours.load(RunningLab.paths()).live()).isEqualTo(Colour.GREEN);
		assertThat(WebColours.load(RunningLab.paths()).release(Colour.GREEN).version()).isEqualTo("v2");
		LabState state = LabState.load(RunningLab.paths());
		assertThat(state.ofKind("web")).extracting(LabState.Component::name).containsExactly("web-5", "web-6");
		assertThat(RunningLab.loadBalancer().webStatus()).containsEntry("web-1", "MAINT")
			.containsEntry("web-2", "MAINT");
	}

	@Test
	@Order(2)
	void aBrokenReleaseIsRolledBackByItself() throws Exception {
		SteadyLoad load = SteadyLoad.start(OrdersApi.LOAD_BALANCER, Duration.ofMillis(100));
		Thread.sleep(Duration.ofSeconds(2));

		int exit = RunningLab.lab("deploy", "--version", "v3", "--break", "--bake", "30", "--final-bake", "5",
				"--healthy-timeout", "300");
		Instant rolledBack = Instant.now();
		Thread.sleep(Duration.ofSeconds(3));
		List<SteadyLoad.Outcome> outcomes = load.stop();

		assertThat(exit).as("rolled back").isEqualTo(3);
		List<SteadyLoad.Outcome> failed = outcomes.stream().filter((outcome) -> outcome.status() != 201).toList();
		assertThat(failed).as("the requests that showed the release was broken")
			.hasSizeGreaterThanOrEqualTo(LabSignals.MIN_ERRORS)
			.hasSizeLessThan(outcomes.size() / 10)
			.extracting(SteadyLoad.Outcome::status)
			.containsOnly(503);
		assertThat(outcomes).filteredOn((outcome) -> outcome.sentAt().isAfter(rolledBack))
			.isNotEmpty()
			.allMatch((outcome) -> outcome.status() == 201);
		assertThat(WebColours.load(RunningLab.paths()).live()).isEqualTo(Colour.GREEN);
		assertThat(LabState.load(RunningLab.paths()).ofKind("web")).extracting(LabState.Component::name)
			.containsExactly("web-5", "web-6");
		assertThat(RunningLab.loadBalancer().webStatus()).containsEntry("web-1", "MAINT")
			.containsEntry("web-2", "MAINT");
	}

}
