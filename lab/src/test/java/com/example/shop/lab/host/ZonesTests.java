package com.example.shop.lab.host;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which zone each component lives in.
 */
class ZonesTests {

	@Test
	void anyTwoConsecutiveInstancesOfATierAreInBothZones() {
		for (int first : List.of(1, 3, 5, 7)) {
			assertThat(List.of(Zones.of("web-" + first).orElseThrow(), Zones.of("web-" + (first + 1)).orElseThrow()))
				.containsExactlyInAnyOrder("a", "b");
		}
		assertThat(IntStream.rangeClosed(1, 4).mapToObj((n) -> Zones.of("worker-" + n).orElseThrow()))
			.containsExactly("a", "b", "a", "b");
	}

	@Test
	void eachDatabaseNodeLivesInTheZoneItsNameSaysAndRegionalPartsInNone() {
		assertThat(Zones.of("db-a")).hasValue("a");
		assertThat(Zones.of("db-b")).hasValue("b");
		assertThat(DatabaseNode.inZone("b").name()).isEqualTo("db-b");
		assertThat(List.of("sqs", "s3", "load-balancer", "faults", "monitor", "replacer"))
			.allSatisfy((name) -> assertThat(Zones.of(name)).isEmpty());
	}

	@Test
	void anUnknownZoneIsRefusedWithTheZonesThereAre() {
		assertThatExceptionOfType(LabException.class).isThrownBy(() -> Zones.require("c"))
			.withMessageContaining("a, b");
	}

}
