package com.example.shop.lab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.GameDayCommand;
import com.example.shop.lab.gameday.SystemWatch;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.process.Processes;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/lab bench}: measures the running lab against its machine's own limits, each
 * speed beside a baseline taken in the same run (see {@link IngestBench},
 * {@link PipelineBench}, {@link StartupBench}, {@link Memory}), and writes a JSON report
 * and a Markdown table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "Measure order ingest against pgbench's ceiling (and the CPU per order of each part), the pipeline against the SQS server's, "
				+ "start-up plain against tuned, and memory; writes a JSON report and a Markdown table. Takes "
				+ "about 17 minutes (--quick: about 6, a smoke run of the harness, not numbers to publish).")
public class BenchCommand implements Callable<Integer> {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Spec
	CommandSpec spec;

	@Option(names = "--quick", description = "a short smoke run of every measurement")
	boolean quick;

	@Option(names = "--report", paramLabel = "FILE",
			description = "the JSON report (default: .lab/bench/TIME/report.json); the Markdown table goes beside it")
	@Nullable Path report;

	@Option(names = "--append-to", paramLabel = "FILE",
			description = "also append the Markdown table to this file, e.g. docs/benchmarks.md")
	@Nullable Path appendTo;

	@Override
	public Integer call() {
		Topology topology = new Topology(LabPaths.fromSystem(), out());
		GameDayCommand.requireRunning(topology);
		Instant started = Instant.now();
		Path folder = topology.paths().state().resolve("bench").resolve(STAMP.format(started));
		Path json = (this.report != null) ? this.report.toAbsolutePath() : folder.resolve("report.json");
		Path markdown = json.resolveSibling(json.getFileName().toString().replaceFirst("(\\.json)?$", ".md"));
		Secrets secrets = Secrets.loadOrCreate(topology.paths());
		int workersBefore = topology.instanceCount("worker");
		out().printf("Benchmark%s, records in %s%n", this.quick ? " (quick)" : "", folder);

		out().println("\n== memory at idle");
		Processes.sleep(Duration.ofSeconds(this.quick ? 1 : 5));
		long webIdle = Memory.largestRssMb(topology, "web");
		long workerIdle = Memory.largestRssMb(topology, "worker");
		out().printf("  web %d MB, worker %d MB%n", webIdle, workerIdle);

		IngestBench ingestBench = new IngestBench(topology, secrets, folder, out());
		out().println("\n== ingest ceiling: pgbench, the transaction of POST /api/orders");
		List<IngestBench.PgbenchStep> pgbench = ingestBench
			.pgbench(this.quick ? List.of(2, 8) : List.of(1, 2, 4, 8, 16), Duration.ofSeconds(this.quick ? 3 : 10));
		IngestBench.PgbenchStep best = IngestBench.PgbenchStep.best(pgbench);

		out().println("\n== ingest: POST /api/orders through the load balancer at rising rates");
		// The workers render receipts on the same cores; on AWS they have their own
		// instances. While ingest is measured they are stopped and the queue holds the
		// orders, as it would for any worker outage.
		out().printf("  workers stopped while ingest is measured (the queue holds the orders)%n");
		topology.scale("worker", 0);
		AtomicLong webLoaded = new AtomicLong();
		List<IngestBench.RateStep> rates;
		IngestBench.RateStep top;
		int max;
		Long p99At80 = null;
		try {
			rates = ingestBench.ramp(this.quick ? List.of(10, 20) : List.of(25, 50, 75, 100, 125, 150, 200, 250, 300),
					Duration.ofSeconds(this.quick ? 6 : 20),
					() -> webLoaded.accumulateAndGet(Memory.largestRssMb(topology, "web"), Math::max));
			top = rates.stream().filter(IngestBench.RateStep::sustained).reduce((first, second) -> second).orElse(null);
			max = (top != null) ? top.rate() : 0;
			if (max > 0) {
				int eighty = Math.max(1, Math.round(max * 0.8f));
				out().printf("  again at 80 %% of %d orders/s:%n", max);
				p99At80 = ingestBench.atRate(eighty, Duration.ofSeconds(this.quick ? 6 : 20), () -> {
				}).p99Ms();
			}
		}
		finally {
			topology.scale("worker", Math.max(1, workersBefore));
		}
		Duration drainTimeout = Duration.ofMinutes(this.quick ? 3 : 10);
		Duration drained = SystemWatch.awaitDrained(secrets, drainTimeout);
		out().printf("  workers back; the orders placed meanwhile processed %s%n", (drained != null)
				? "after " + drained.toSeconds() + " s" : "NOT within " + drainTimeout.toMinutes() + " min");
		BenchReport.Ingest ingest = new BenchReport.Ingest(best.tps(), best.clients(), pgbench, max,
				(top != null) ? top.p50Ms() : 0, (top != null) ? top.p99Ms() : 0, p99At80,
				(best.tps() > 0) ? max / best.tps() : 0, rates, best.cpuMsPerTransaction(),
				(top != null) ? top.cpuMsPerOrder() : Map.of());
		out().printf("  CPU per pgbench transaction (ms): %s%n  CPU per order at %d/s (ms): %s%n",
				best.cpuMsPerTransaction(), max, ingest.cpuMsPerOrder());

		out().println("\n== pipeline: placed orders to receipts in S3, no artificial work");
		PipelineBench pipelineBench = new PipelineBench(topology, secrets, folder, out());
		AtomicLong workerLoaded = new AtomicLong();
		BenchReport.Pipeline pipeline;
		try {
			double sqs = pipelineBench.sqsCeiling(this.quick ? 200 : 2000);
			int placeRate = Math.max(10, Math.min(max, 50));
			List<PipelineBench.PipelineStep> steps = (this.quick ? List.of(1) : List.of(1, 2, 4)).stream()
				.map((workers) -> {
					PipelineBench.PipelineStep step = pipelineBench.withWorkers(workers, this.quick ? 100 : 1000,
							placeRate);
					workerLoaded.accumulateAndGet(Memory.largestRssMb(topology, "worker"), Math::max);
					return step;
				})
				.toList();
			double one = steps.getFirst().ordersPerSecond();
			pipeline = new BenchReport.Pipeline(sqs, steps, one / sqs, (max > 0) ? one / max : 0);
		}
		finally {
			topology.scale("worker", workersBefore);
		}

		out().println("\n== start-up to ready: plain jar against tuned");
		StartupBench startupBench = new StartupBench(topology.paths(), secrets, out());
		int runs = this.quick ? 1 : 3;
		BenchReport.Startup startup = BenchReport.Startup.of(startupBench.web(runs), startupBench.worker(runs));

		BenchReport.MemoryUse memory = new BenchReport.MemoryUse(webIdle, webLoaded.get(), workerIdle,
				workerLoaded.get());
		BenchReport report = new BenchReport(started.toString(), this.quick, machine(topology), ingest, pipeline,
				startup, memory, BenchReport.targets(ingest, pipeline, startup, memory));
		write(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
		write(markdown, report.markdown());
		if (this.appendTo != null) {
			append(this.appendTo, "\n" + report.markdown());
		}
		out().printf("%n%s%nReport: %s%n        %s%n", report.markdown(), json, markdown);
		return 0;
	}

	private static BenchReport.Machine machine(Topology topology) {
		String cpu = lines("/proc/cpuinfo").stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("unknown");
		double memory = lines("/proc/meminfo").stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
			.findFirst()
			.orElse(0) / 1024.0 / 1024.0;
		String os = lines("/etc/os-release").stream()
			.filter((line) -> line.startsWith("PRETTY_NAME="))
			.map((line) -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
			.findFirst()
			.orElse(System.getProperty("os.name"));
		String postgres = Processes
			.run(List.of(topology.database().program("pgbench").toString(), "--version"), Duration.ofSeconds(10))
			.trim()
			.replace("pgbench (PostgreSQL) ", "PostgreSQL ");
		return new BenchReport.Machine(Runtime.getRuntime().availableProcessors(), cpu, memory, os,
				"Java " + Runtime.version(), postgres);
	}

	private static List<String> lines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private static void append(Path file, String content) {
		try {
			Files.writeString(file, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot append to " + file, ex);
		}
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

}
