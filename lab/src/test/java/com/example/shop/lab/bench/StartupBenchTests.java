package com.example.shop.lab.bench;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The start-up bench's arithmetic and what it reads in a JVM's output, without starting a
 * JVM.
 */
class StartupBenchTests {

	@Test
	void medianOfAnOddCountIsTheMiddleValue() {
		assertThat(StartupResult.median(List.of(9000L, 14_000L, 12_000L))).isEqualTo(12_000L);
		assertThat(StartupResult.median(List.of(7L))).isEqualTo(7L);
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(StartupResult.median(List.of(16_000L, 10_000L, 12_000L, 11_000L))).isEqualTo(11_500L);
		assertThat(StartupResult.median(List.of(1L, 2L))).isEqualTo(1L);
	}

	@Test
	void medianIsNotFooledByOneSlowRun() {
		assertThat(StartupResult.median(List.of(8000L, 8100L, 60_000L))).isEqualTo(8100L);
	}

	@Test
	void ratioIsTunedOverPlain() {
		StartupResult result = new StartupResult("web", List.of(15_000L, 14_000L, 16_000L),
				List.of(9000L, 8000L, 10_000L), "AOT cache");

		assertThat(result.plainMedianMs()).isEqualTo(15_000L);
		assertThat(result.tunedMedianMs()).isEqualTo(9000L);
		assertThat(result.ratio()).isCloseTo(0.6, within(1e-9));
		assertThat(result.summary()).startsWith("web: plain 15.0 s, tuned 9.0 s (0.60 x, medians of 3 runs each");
	}

	@Test
	void resultNeedsRunsOfBothKinds() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StartupResult("web", List.of(), List.of(1L), ""));
		assertThatIllegalArgumentException().isThrownBy(() -> StartupResult.median(List.of()));
	}

	@Test
	void jvmOptionsGoJustBeforeTheJar() {
		List<String> command = List.of("java", "-Xmx256m", "-jar", "web.jar", "--spring.profiles.active=lab");

		assertThat(StartupTier.withJvmOptions(command, List.of("-XX:AOTCache=app.aot"))).containsExactly("java",
				"-Xmx256m", "-XX:AOTCache=app.aot", "-jar", "web.jar", "--spring.profiles.active=lab");
		assertThat(command).hasSize(5);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StartupTier.withJvmOptions(List.of("java", "-version"), List.of("-Xmx1g")));
	}

	@Test
	void cacheCountsAsUsedOnlyWhenOpenedAndItsClassesUsed() {
		Path cache = Path.of("/lab/bench/web/app.aot");
		String used = """
				[0.005s][info][aot] Opened AOT cache /lab/bench/web/app.aot.
				[0.041s][info][aot] Using AOT-linked classes: true (static archive: has aot-linked classes)
				""";
		String otherCache = used.replace("/lab/bench/web/", "/elsewhere/");
		String notLinked = used.replace("classes: true", "classes: false");

		assertThat(AotTraining.cacheUsed(used, cache)).isTrue();
		assertThat(AotTraining.cacheUsed(otherCache, cache)).isFalse();
		assertThat(AotTraining.cacheUsed(notLinked, cache)).isFalse();
		assertThat(AotTraining.cacheUsed("", cache)).isFalse();
	}

	@Test
	void aotWarningsAreFoundAmongApplicationLines() {
		String output = """
				[0.010s][warning][aot] The AOT cache was created by a different version or build of HotSpot
				{"@timestamp":"2025-01-01T00:00:00Z","message":"Started WebApplication"}
				[0.011s][error][cds] An error has occurred while processing the AOT cache
				[0.012s][info][aot] Opened AOT cache app.aot.
				""";

		assertThat(AotTraining.aotWarnings(output)).hasSize(2)
			.allMatch((line) -> line.contains("[warning][aot]") || line.contains("[error][cds]"));
		assertThat(AotTraining.aotWarnings("{\"message\":\"[warning] not the JVM\"}")).isEmpty();
	}

	@Test
	void tailKeepsTheLastLines() {
		assertThat(AotTraining.tail("a\nb\nc\nd", 2)).isEqualTo("c\nd");
		assertThat(AotTraining.tail("a", 5)).isEqualTo("a");
	}

}
