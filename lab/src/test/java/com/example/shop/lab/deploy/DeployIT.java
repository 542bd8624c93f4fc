package com.example.shop.lab.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.example.shop.deploy.Colour;
import com.example.shop.lab.fleet.WebColours;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.probe.BalancerProbe;
import com.example.shop.lab.testing.OrdersApi;
import com.example.shop.lab.testing.RunningLab;
import com.example.shop.lab.testing.SharedLab;
import com.example.shop.lab.testing.SteadyLoad;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/lab deploy} against the real lab under a steady load of orders: a good
 * release moves all traffic from the live colour to the idle one without one failed
 * request, and a broken one (healthy, but refusing every order) is rolled back by itself
 * after the first step, costing only the few requests that showed it was broken. It runs
 * from whichever colour is live ({@link SharedLab.RunsFrom}), and leaves the other one
 * live: the shared lab deploys back if another test follows.
 */
@ExtendWith(SharedLab.class)
@SharedLab.RunsFrom(anyPrimary = true, anyColour = true)
@Order(8)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployIT {

	@Test
	@Order(1)
	void aGoodReleaseTakesAllTrafficWithoutOneFailedRequest() throws Exception {
		Colour live = WebColours.load(RunningLab.paths()).live();
		Colour idle = live.other();
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
		assertThat(outcomes).extracting(SteadyLoad.Outcome::servedBy)
			.contains(names(live).toArray(String[]::new))
			.contains(names(idle).toArray(String[]::new));
		assertThat(outcomes).filteredOn((outcome) -> outcome.sentAt().isAfter(deployed))
			.isNotEmpty()
			.extracting(SteadyLoad.Outcome::servedBy)
			.containsOnlyElementsOf(names(idle));
		assertThat(WebColours.load(RunningLab.paths()).live()).isEqualTo(idle);
		assertThat(WebColours.load(RunningLab.paths()).release(idle).version()).isEqualTo("v2");
		LabState state = LabState.load(RunningLab.paths());
		assertThat(state.ofKind("web")).extracting(LabState.Component::name).containsExactlyElementsOf(names(idle));
		assertThat(new BalancerProbe(RunningLab.paths()).webStatus())
			.containsAllEntriesOf(names(live).stream().collect(Collectors.toMap((name) -> name, (name) -> "MAINT")));
	}

	@Test
	@Order(2)
	void aBrokenReleaseIsRolledBackByItself() throws Exception {
		Colour live = WebColours.load(RunningLab.paths()).live();
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
		assertThat(WebColours.load(RunningLab.paths()).live()).isEqualTo(live);
		assertThat(LabState.load(RunningLab.paths()).ofKind("web")).extracting(LabState.Component::name)
			.containsExactlyElementsOf(names(live));
		assertThat(new BalancerProbe(RunningLab.paths()).webStatus()).containsAllEntriesOf(
				names(live.other()).stream().collect(Collectors.toMap((name) -> name, (name) -> "MAINT")));
	}

	/** The two instances a colour runs in the lab, e.g. web-1 and web-2 for blue. */
	private static List<String> names(Colour colour) {
		return WebColours.slots(colour).subList(0, 2).stream().map((slot) -> "web-" + slot).toList();
	}

}
