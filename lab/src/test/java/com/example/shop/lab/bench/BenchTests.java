package com.example.shop.lab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.probe.NearestRank;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The benchmark's arithmetic: what pgbench printed, when a rate counts as sustained, the
 * pipeline's rate from processing times, and the targets.
 */
class BenchTests {

	@Test
	void readsTheTpsWithoutTheInitialConnectionTime() {
		String output = """
				number of transactions actually processed: 2712
				latency average = 7.374 ms
				initial connection time = 14.052 ms
				tps = 271.226318 (without initial connection time)
				""";

		assertThat(IngestBench.tps(output)).isEqualTo(271.226318);
	}

	@Test
	void saysWhatPgbenchPrintedWhenItHasNoTps() {
		assertThatExceptionOfType(LabException.class).isThrownBy(() -> IngestBench.tps("FATAL: password failed"))
			.withMessageContaining("FATAL: password failed");
	}

	@Test
	void aRateIsSustainedWithNoFailureAndAP99Within100Ms() {
		List<ClientRecord> records = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			// the first 2 s are left out: a slow start does not count
			records.add(answered(i * 50L, (i < 40) ? 900 : 20 + (i % 10)));
		}

		IngestBench.RateStep step = IngestBench.RateStep.of(20, records);

		assertThat(step.sent()).isEqualTo(60);
		assertThat(step.failed()).isZero();
		assertThat(step.p50Ms()).isEqualTo(24);
		assertThat(step.p99Ms()).isEqualTo(29);
		assertThat(step.sustained()).isTrue();
	}

	@Test
	void oneFailureOrASlowP99IsNotSustained() {
		List<ClientRecord> slow = new ArrayList<>();
		List<ClientRecord> failing = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			slow.add(answered(i * 50L, (i == 99) ? 101 : 10));
			failing.add((i == 80) ? new ClientRecord("k" + i, 503, null, 3, null, i * 50L) : answered(i * 50L, 10));
		}

		assertThat(IngestBench.RateStep.of(20, slow).sustained()).isFalse();
		assertThat(IngestBench.RateStep.of(20, failing).sustained()).isFalse();
		assertThat(IngestBench.RateStep.of(20, failing).failed()).isEqualTo(1);
	}

	@Test
	void percentileIsTheNearestRank() {
		long[] values = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };

		assertThat(NearestRank.of(values, 50)).isEqualTo(5);
		assertThat(NearestRank.of(values, 99)).isEqualTo(10);
		assertThat(NearestRank.of(new long[0], 99)).isNull();
	}

	@Test
	void pipelineRateLeavesOutTheFirstTenth() {
		List<Long> processedAt = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			processedAt.add(1000L); // while the other workers were starting
		}
		for (int i = 0; i < 90; i++) {
			processedAt.add(5000L + i * 100L);
		}

		PipelineBench.PipelineStep step = PipelineBench.PipelineStep.of(2, processedAt);

		assertThat(step.orders()).isEqualTo(100);
		// from the 11th (the first of the steady part) to the last: 89 orders in 8.9 s
		assertThat(step.ordersPerSecond()).isCloseTo(10.0, within(0.001));
	}

	@Test
	void targetsSayWhichWereMet() {
		BenchReport.Ingest ingest = new BenchReport.Ingest(400, 8, List.of(), 250, 12, 80, 40L, 0.625, List.of(),
				Map.of("database", 1.5, "pgbench", 0.5), Map.of("web", 4.0, "database", 2.0, "load balancer", 2.0));
		BenchReport.Pipeline pipeline = new BenchReport.Pipeline(900, List.of(), 0.2, 0.8);
		BenchReport.Tier web = new BenchReport.Tier(List.of(10_000L), List.of(4000L), 10_000, 4000, 0.4, "aot");
		BenchReport.Tier worker = new BenchReport.Tier(List.of(10_000L), List.of(6000L), 10_000, 6000, 0.6, "aot");
		BenchReport.MemoryUse memory = new BenchReport.MemoryUse(200, 350, 180, 220);

		List<BenchReport.Target> targets = BenchReport.targets(ingest, pipeline, new BenchReport.Startup(web, worker),
				memory);

		assertThat(targets).extracting(BenchReport.Target::met)
			.containsExactly(true, true, false, true, false, false, true);
	}

	@Test
	void theCpuRatioIsATransactionsCpuOverAnOrders() {
		BenchReport.Ingest ingest = new BenchReport.Ingest(400, 8, List.of(), 250, 12, 80, 40L, 0.625, List.of(),
				Map.of("database", 1.5, "pgbench", 0.5), Map.of("web", 4.0, "database", 2.0, "load balancer", 2.0));
		BenchReport.Ingest unmeasured = new BenchReport.Ingest(400, 8, List.of(), 0, 0, 0, null, 0, List.of(),
				Map.of("database", 1.5), Map.of());

		assertThat(ingest.cpuRatio()).isCloseTo(0.25, within(0.0001));
		assertThat(unmeasured.cpuRatio()).isZero();
	}

	@Test
	void theMarkdownSaysWhereAnOrdersCpuWentLeavingOutPartsThatRoundToNothing() {
		BenchReport.Ingest ingest = new BenchReport.Ingest(400, 8, List.of(), 50, 12, 80, 40L, 0.125, List.of(),
				Map.of("database", 1.5, "pgbench", 0.5, "worker", 0.01),
				new java.util.LinkedHashMap<>(Map.of("web", 4.0)));
		BenchReport.Tier tier = new BenchReport.Tier(List.of(10_000L), List.of(4000L), 10_000, 4000, 0.4, "aot");
		BenchReport report = new BenchReport("2026-11-29T06:00:00Z", false,
				new BenchReport.Machine(2, "cpu", 24, "os", "Java 25", "PostgreSQL 15"), ingest,
				new BenchReport.Pipeline(900, List.of(), 0.2, 0.8), new BenchReport.Startup(tier, tier),
				new BenchReport.MemoryUse(200, 350, 180, 220), List.of());

		String cpuRow = report.markdown()
			.lines()
			.filter((line) -> line.startsWith("| CPU per order"))
			.findFirst()
			.orElseThrow();

		assertThat(cpuRow).contains("per order at 50/s: web 4.0; total 4.0")
			.contains("total 2.0")
			.doesNotContain("worker")
			.endsWith("| 0.50 |");
	}

	private static ClientRecord answered(long sentAt, long latencyMs) {
		return new ClientRecord("k" + sentAt, 201, UUID.randomUUID(), latencyMs, null, sentAt);
	}

}
