package com.example.shop.lab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.example.shop.lab.cli.RunFolder;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Launch;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of {@code bin/lab bench} against the running lab: memory at idle, order ingest
 * against pgbench's ceiling ({@link IngestBench}), the pipeline against the SQS server's
 * ({@link PipelineBench}), start-up plain against tuned ({@link StartupBench}), then the
 * JSON report and the Markdown table ({@link BenchReport}). The workers are stopped while
 * ingest is measured and put back afterwards, whatever happens.
 */
final class Bench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Topology topology;

	private final boolean quick;

	private final Path folder;

	private final PrintWriter out;

	private final int workersBefore;

	private final AtomicLong webLoaded = new AtomicLong();

	private final AtomicLong workerLoaded = new AtomicLong();

	/**
	 * @param topology the running lab
	 * @param quick a short smoke run of every measurement
	 * @param folder where the measurements' records go
	 * @param out where progress goes
	 */
	Bench(Topology topology, boolean quick, Path folder, PrintWriter out) {
		this.topology = topology;
		this.quick = quick;
		this.folder = folder;
		this.out = out;
		this.workersBefore = topology.instanceCount("worker");
	}

	/**
	 * Measures everything and writes the report.
	 * @param json the JSON report; the Markdown table goes beside it
	 * @param appendTo a file the table is appended to as well, or {@code null}
	 * @return the report
	 */
	BenchReport run(Path json, @Nullable Path appendTo) {
		Instant started = Instant.now();
		this.out.printf("Benchmark%s, records in %s%n", this.quick ? " (quick)" : "", this.folder);
		this.out.println("\n== memory at idle");
		Await.sleep(Duration.ofSeconds(this.quick ? 1 : 5));
		long webIdle = Memory.largestRssMb(this.topology, "web");
		long workerIdle = Memory.largestRssMb(this.topology, "worker");
		this.out.printf("  web %d MB, worker %d MB%n", webIdle, workerIdle);
		BenchReport.Ingest ingest = ingest();
		BenchReport.Pipeline pipeline = pipeline(ingest.maxOrdersPerSecond());
		this.out.println("\n== start-up to ready: plain jar against tuned");
		StartupBench startupBench = new StartupBench(this.topology.paths(), this.out);
		int runs = this.quick ? 1 : 3;
		BenchReport.Startup startup = BenchReport.Startup.of(startupBench.web(runs), startupBench.worker(runs));
		BenchReport.MemoryUse memory = new BenchReport.MemoryUse(webIdle, this.webLoaded.get(), workerIdle,
				this.workerLoaded.get());
		BenchReport report = new BenchReport(started.toString(), this.quick, BenchReport.Machine.of(postgresVersion()),
				ingest, pipeline, startup, memory, BenchReport.targets(ingest, pipeline, startup, memory));
		write(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n", false);
		Path markdown = RunFolder.beside(json, ".md");
		write(markdown, report.markdown(), false);
		if (appendTo != null) {
			write(appendTo, "\n" + report.markdown(), true);
		}
		this.out.printf("%n%s%nReport: %s%n        %s%n", report.markdown(), json, markdown);
		return report;
	}

	private BenchReport.Ingest ingest() {
		IngestBench ingestBench = new IngestBench(this.topology, this.folder, this.out);
		this.out.println("\n== ingest ceiling: pgbench, the transaction of POST /api/orders");
		List<IngestBench.PgbenchStep> pgbench = ingestBench
			.pgbench(this.quick ? List.of(2, 8) : List.of(1, 2, 4, 8, 16), Duration.ofSeconds(this.quick ? 3 : 10));
		IngestBench.PgbenchStep best = IngestBench.PgbenchStep.best(pgbench);
		this.out.println("\n== ingest: POST /api/orders through the load balancer at rising rates");
		// The workers render receipts on the same cores; on AWS they have their own
		// instances. While ingest is measured they are stopped and the queue holds the
		// orders, as it would for any worker outage.
		this.out.printf("  workers stopped while ingest is measured (the queue holds the orders)%n");
		this.topology.scale("worker", 0);
		List<IngestBench.RateStep> rates;
		IngestBench.RateStep top;
		int max;
		Long p99At80 = null;
		try {
			rates = ingestBench.ramp(this.quick ? List.of(10, 20) : List.of(25, 50, 75, 100, 125, 150, 200, 250, 300),
					Duration.ofSeconds(this.quick ? 6 : 20),
					() -> this.webLoaded.accumulateAndGet(Memory.largestRssMb(this.topology, "web"), Math::max));
			top = rates.stream().filter(IngestBench.RateStep::sustained).reduce((first, second) -> second).orElse(null);
			max = (top != null) ? top.rate() : 0;
			if (max > 0) {
				int eighty = Math.max(1, Math.round(max * 0.8f));
				this.out.printf("  again at 80 %% of %d orders/s:%n", max);
				p99At80 = ingestBench.atRate(eighty, Duration.ofSeconds(this.quick ? 6 : 20), () -> {
				}).p99Ms();
			}
		}
		finally {
			this.topology.scale("worker", Math.max(1, this.workersBefore));
		}
		awaitDrained();
		BenchReport.Ingest ingest = new BenchReport.Ingest(best.tps(), best.clients(), pgbench, max,
				(top != null) ? top.p50Ms() : 0, (top != null) ? top.p99Ms() : 0, p99At80,
				(best.tps() > 0) ? max / best.tps() : 0, rates, best.cpuMsPerTransaction(),
				(top != null) ? top.cpuMsPerOrder() : Map.of());
		this.out.printf("  CPU per pgbench transaction (ms): %s%n  CPU per order at %d/s (ms): %s%n",
				best.cpuMsPerTransaction(), max, ingest.cpuMsPerOrder());
		return ingest;
	}

	private void awaitDrained() {
		Duration drainTimeout = Duration.ofMinutes(this.quick ? 3 : 10);
		Duration drained;
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			drained = probe.awaitDrained(drainTimeout);
		}
		this.out.printf("  workers back; the orders placed meanwhile processed %s%n", (drained != null)
				? "after " + drained.toSeconds() + " s" : "NOT within " + drainTimeout.toMinutes() + " min");
	}

	private BenchReport.Pipeline pipeline(int maxSustained) {
		this.out.println("\n== pipeline: placed orders to receipts in S3, no artificial work");
		PipelineBench pipelineBench = new PipelineBench(this.topology, this.folder, this.out);
		try {
			double sqs = pipelineBench.sqsCeiling(this.quick ? 200 : 2000);
			int placeRate = Math.max(10, Math.min(maxSustained, 50));
			List<PipelineBench.PipelineStep> steps = (this.quick ? List.of(1) : List.of(1, 2, 4)).stream()
				.map((workers) -> {
					PipelineBench.PipelineStep step = pipelineBench.withWorkers(workers, this.quick ? 100 : 1000,
							placeRate);
					this.workerLoaded.accumulateAndGet(Memory.largestRssMb(this.topology, "worker"), Math::max);
					return step;
				})
				.toList();
			double one = steps.getFirst().ordersPerSecond();
			return new BenchReport.Pipeline(sqs, steps, one / sqs, (maxSustained > 0) ? one / maxSustained : 0);
		}
		finally {
			this.topology.scale("worker", this.workersBefore);
		}
	}

	private String postgresVersion() {
		return Launch
			.of(List.of(this.topology.database().nodes().postgres().program("pgbench").toString(), "--version"))
			.run(Duration.ofSeconds(10))
			.trim()
			.replace("pgbench (PostgreSQL) ", "PostgreSQL ");
	}

	private static void write(Path file, String content, boolean append) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (append) {
				Files.writeString(file, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			else {
				Files.writeString(file, content);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

}
