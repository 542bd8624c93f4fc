package com.example.shop.lab.gameday;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.example.shop.lab.faults.FaultWindow;
import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.gameday.report.Timeline;
import com.example.shop.lab.load.ClientRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonChecksTests {

	private static final long START = 1_800_000_000_000L;

	private static final SystemAudit.Findings CLEAN = new SystemAudit.Findings(List.of(), List.of(), List.of(),
			List.of(), 0);

	@Test
	void aCleanRunPassesEveryCheck() {
		List<Check> checks = CommonChecks.of(steadyTimeline(), CLEAN, Duration.ofSeconds(1), List.of(), List.of());

		assertThat(checks).hasSize(7).allMatch(Check::passed);
	}

	@Test
	void aLostOrderFailsNamingIt() {
		SystemAudit.Findings lost = new SystemAudit.Findings(List.of("0b6e…"), List.of(), List.of(), List.of(), 0);

		List<Check> checks = CommonChecks.of(steadyTimeline(), lost, Duration.ofSeconds(1), List.of(), List.of());

		assertThat(failed(checks)).singleElement().satisfies((check) -> {
			assertThat(check.name()).isEqualTo("no acknowledged order lost");
			assertThat(check.detail()).contains("1 acknowledged orders missing").contains("0b6e…");
		});
	}

	@Test
	void anUnexpectedDeadLetterOrAMissingPoisonFails() {
		List<Check> unexpected = CommonChecks.of(steadyTimeline(), CLEAN, Duration.ofSeconds(1), List.of(),
				List.of("{\"orderId\":\"…\"}"));
		List<Check> missing = CommonChecks.of(steadyTimeline(), CLEAN, Duration.ofSeconds(1), List.of("poison"),
				List.of());
		List<Check> exact = CommonChecks.of(steadyTimeline(), CLEAN, Duration.ofSeconds(1), List.of("b", "a"),
				List.of("a", "b"));

		assertThat(failed(unexpected)).extracting(Check::name)
			.containsExactly("dead-letter queue holds only the poison");
		assertThat(failed(missing)).extracting(Check::name).containsExactly("dead-letter queue holds only the poison");
		assertThat(failed(exact)).isEmpty();
	}

	@Test
	void aPipelineThatDidNotDrainOrAnOrderProcessedTwiceFails() {
		SystemAudit.Findings twice = new SystemAudit.Findings(List.of(), List.of(), List.of(), List.of("7f… (2 times)"),
				0);

		List<Check> checks = CommonChecks.of(steadyTimeline(), twice, null, List.of(), List.of());

		assertThat(failed(checks)).extracting(Check::name)
			.containsExactlyInAnyOrder("pipeline drained", "no order processed twice");
	}

	private static List<Check> failed(List<Check> checks) {
		return checks.stream().filter((check) -> !check.passed()).toList();
	}

	/** 20 orders a second for 10 s, all acknowledged in 10 ms; a fault at 5 s. */
	private static Timeline steadyTimeline() {
		List<ClientRecord> records = IntStream.range(0, 200)
			.mapToObj((i) -> new ClientRecord(UUID.randomUUID().toString(), 201, UUID.randomUUID(), 10, null,
					START + i * 50L))
			.toList();
		return Timeline.of(records, START, new FaultWindow(START + 5000, START + 5000, START + 5000));
	}

}
