package com.example.shop.lab.gameday;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The game day's scenarios as the command line names them.
 */
class ScenariosTests {

	@Test
	void azOutageNamesBothVariants() {
		List<Scenario> scenarios = Scenarios.named(List.of("az-outage"), true);

		assertThat(scenarios).extracting(Scenario::name).containsExactly("az-outage-primary", "az-outage-standby");
		assertThat(Scenarios.named(List.of("az-outage-standby"), true)).extracting(Scenario::name)
			.containsExactly("az-outage-standby");
		assertThat(Scenarios.all(false)).extracting(Scenario::name).doesNotHaveDuplicates();
	}

}
