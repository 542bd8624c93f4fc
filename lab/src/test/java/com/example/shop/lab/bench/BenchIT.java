package com.example.shop.lab.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.testing.RunningLab;
import com.example.shop.lab.testing.SharedLab;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/lab bench --quick} against the real lab: a smoke run of the harness, not a
 * benchmark. Every measurement ran and produced a number beside its baseline, the report
 * has the fields the docs promise, and the lab is as it was (its worker count restored,
 * the scratch database and queue gone). The numbers themselves are not asserted: the
 * machines are shared and noisy.
 */
@ExtendWith(SharedLab.class)
@SharedLab.RunsFrom(anyPrimary = true)
@Order(6)
class BenchIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aQuickRunMeasuresEverythingAgainstItsBaseline(@TempDir Path folder) throws Exception {
		Path report = folder.resolve("bench.json");
		Path docs = folder.resolve("benchmarks.md");
		Files.writeString(docs, "# Benchmarks\n");

		int exit = RunningLab.lab("bench", "--quick", "--report", report.toString(), "--append-to", docs.toString());

		assertThat(exit).isZero();
		JsonNode json = JSON.readTree(report.toFile());
		assertThat(json.get("quick").asBoolean()).isTrue();
		assertThat(json.at("/machine/cpus").asInt()).isPositive();
		assertThat(json.at("/ingest/pgbenchTps").asDouble()).isPositive();
		assertThat(json.at("/ingest/pgbench").size()).isEqualTo(2);
		assertThat(json.at("/ingest/rates").size()).isPositive();
		assertThat(json.at("/ingest/rates/0/sent").asInt()).isPositive();
		assertThat(json.at("/ingest/ratio").isNumber()).isTrue();
		// the CPU profile read every process: the database under pgbench, the web tier
		// under the orders
		assertThat(json.at("/ingest/cpuMsPerTransaction/database").asDouble()).isPositive();
		assertThat(json.at("/ingest/rates/0/cpuMsPerOrder/web").asDouble()).isPositive();
		assertThat(json.at("/pipeline/sqsReceiveDeletePerSecond").asDouble()).isPositive();
		assertThat(json.at("/pipeline/workers/0/orders").asInt()).isPositive();
		assertThat(json.at("/pipeline/workers/0/ordersPerSecond").asDouble()).isPositive();
		assertThat(json.at("/pipeline/ratio").asDouble()).isPositive();
		for (String tier : new String[] { "web", "worker" }) {
			assertThat(json.at("/startup/" + tier + "/plainMs/0").asLong()).as(tier).isPositive();
			assertThat(json.at("/startup/" + tier + "/tunedMs/0").asLong()).as(tier).isPositive();
			assertThat(json.at("/startup/" + tier + "/ratio").asDouble()).as(tier).isPositive();
		}
		assertThat(json.at("/memory/webIdleMb").asLong()).isPositive();
		assertThat(json.at("/memory/workerLoadedMb").asLong()).isPositive();
		assertThat(json.get("targets").size()).isEqualTo(7);
		assertThat(Files.readString(docs)).startsWith("# Benchmarks\n")
			.contains("| order ingest | pgbench, same transaction:")
			.contains("| start-up to ready, web |");
		assertThat(report.resolveSibling("bench.md")).exists();
		assertThat(RunningLab.topology().instanceCount("worker")).isEqualTo(1);
		try (SystemProbe probe = RunningLab.probe()) {
			assertThat(RunningLab.database()
				.nodes()
				.postgres()
				.query(probe.database().requirePrimary(), "postgres",
						"SELECT count(*) FROM pg_database WHERE datname = 'orders_bench'"))
				.isEqualTo("0");
		}
	}

}
