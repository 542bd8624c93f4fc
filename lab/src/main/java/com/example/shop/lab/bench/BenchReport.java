package com.example.shop.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What {@code bin/lab bench} measured, written as JSON and as a Markdown section for
 * {@code docs/benchmarks.md}. Every speed is also given as a ratio against a baseline
 * measured in the same run on the same machine, which is what can be compared between
 * machines.
 *
 * @param date when the run started, ISO-8601
 * @param quick whether it was the short smoke run
 * @param machine what it ran on
 * @param ingest orders placed against the database's own ceiling
 * @param pipeline orders processed against the SQS server's own ceiling
 * @param startup start-up to ready, plain against tuned
 * @param memory resident memory of each tier
 * @param targets the project's targets, each with whether this run met it
 */
record BenchReport(String date, boolean quick, Machine machine, Ingest ingest, Pipeline pipeline, Startup startup,
		MemoryUse memory, List<Target> targets) {

	/**
	 * The machine.
	 *
	 * @param cpus processors the JVM sees
	 * @param cpuModel the processor
	 * @param memoryGiB physical memory
	 * @param os the operating system
	 * @param java the JVM running the instances
	 * @param postgres the PostgreSQL version
	 */
	record Machine(int cpus, String cpuModel, double memoryGiB, String os, String java, String postgres) {

		/**
		 * This machine, as {@code /proc} and {@code /etc/os-release} describe it.
		 * @param postgres the PostgreSQL version the lab runs
		 * @return the machine
		 */
		static Machine of(String postgres) {
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
			return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory, os, "Java " + Runtime.version(),
					postgres);
		}

		private static List<String> lines(String file) {
			try {
				return Files.readAllLines(Path.of(file));
			}
			catch (IOException ex) {
				return List.of();
			}
		}

	}

	/**
	 * Ingest.
	 *
	 * @param pgbenchTps the database's ceiling: the best pgbench TPS
	 * @param pgbenchClients the client count that reached it
	 * @param pgbench every pgbench run
	 * @param maxOrdersPerSecond the highest arrival rate sustained through the load
	 * balancer (no failure, p99 ≤ 100 ms)
	 * @param p50Ms median latency at that rate
	 * @param p99Ms 99th percentile at that rate
	 * @param p99At80PercentMs 99th percentile at 80 % of that rate, measured again
	 * @param ratio {@code maxOrdersPerSecond / pgbenchTps}
	 * @param rates every rate tried
	 * @param cpuMsPerTransaction where a pgbench transaction's CPU went, at the best
	 * client count: milliseconds by part of the lab
	 * @param cpuMsPerOrder where an order's CPU went at the highest sustained rate
	 */
	record Ingest(double pgbenchTps, int pgbenchClients, List<IngestBench.PgbenchStep> pgbench, int maxOrdersPerSecond,
			long p50Ms, long p99Ms, @Nullable Long p99At80PercentMs, double ratio, List<IngestBench.RateStep> rates,
			Map<String, Double> cpuMsPerTransaction, Map<String, Double> cpuMsPerOrder) {

		/**
		 * CPU per pgbench transaction divided by CPU per order: how much more of the
		 * machine an order through HTTP costs than the bare transaction.
		 * @return the ratio, 0 when either was not measured
		 */
		double cpuRatio() {
			double order = total(this.cpuMsPerOrder);
			return (order > 0) ? total(this.cpuMsPerTransaction) / order : 0;
		}

	}

	/**
	 * Pipeline.
	 *
	 * @param sqsReceiveDeletePerSecond the SQS server's ceiling
	 * @param workers the rate with each worker count
	 * @param ratio one worker's rate divided by the SQS server's ceiling
	 * @param oneWorkerVsIngest one worker's rate divided by the ingest maximum: at least
	 * 1 means one worker keeps up
	 */
	record Pipeline(double sqsReceiveDeletePerSecond, List<PipelineBench.PipelineStep> workers, double ratio,
			double oneWorkerVsIngest) {
	}

	/**
	 * Start-up.
	 *
	 * @param web the web tier
	 * @param worker the worker tier
	 */
	record Startup(Tier web, Tier worker) {

		static Startup of(StartupResult web, StartupResult worker) {
			return new Startup(Tier.of(web), Tier.of(worker));
		}

	}

	/**
	 * One tier's start-up.
	 *
	 * @param plainMs each plain run
	 * @param tunedMs each tuned run
	 * @param plainMedianMs their median
	 * @param tunedMedianMs their median
	 * @param ratio tuned median ÷ plain median
	 * @param tuning what the tuned runs had
	 */
	record Tier(List<Long> plainMs, List<Long> tunedMs, long plainMedianMs, long tunedMedianMs, double ratio,
			String tuning) {

		static Tier of(StartupResult result) {
			return new Tier(result.plainMs(), result.tunedMs(), result.plainMedianMs(), result.tunedMedianMs(),
					result.ratio(), result.tuning());
		}

	}

	/**
	 * Resident memory, the largest instance of each tier.
	 *
	 * @param webIdleMb web tier, idle
	 * @param webLoadedMb web tier, at the highest sustained rate
	 * @param workerIdleMb worker, idle
	 * @param workerLoadedMb worker, processing the pipeline batch
	 */
	record MemoryUse(long webIdleMb, long webLoadedMb, long workerIdleMb, long workerLoadedMb) {
	}

	/**
	 * One of the project's targets.
	 *
	 * @param name what is aimed for
	 * @param value what this run measured
	 * @param met whether it was reached
	 */
	record Target(String name, String value, boolean met) {
	}

	static List<Target> targets(Ingest ingest, Pipeline pipeline, Startup startup, MemoryUse memory) {
		List<Target> targets = new ArrayList<>();
		targets.add(new Target("ingest ≥ 0.5 of the pgbench ceiling", format(ingest.ratio()), ingest.ratio() >= 0.5));
		Long p99 = ingest.p99At80PercentMs();
		targets.add(new Target("p99 ≤ 50 ms at 80 % of the maximum rate", (p99 != null) ? p99 + " ms" : "not measured",
				p99 != null && p99 <= 50));
		targets.add(new Target("one worker keeps up with the ingest maximum", format(pipeline.oneWorkerVsIngest()),
				pipeline.oneWorkerVsIngest() >= 1));
		targets.add(new Target("tuned web start-up ≤ 50 % of plain", format(startup.web().ratio()),
				startup.web().ratio() <= 0.5));
		targets.add(new Target("tuned worker start-up ≤ 50 % of plain", format(startup.worker().ratio()),
				startup.worker().ratio() <= 0.5));
		targets.add(new Target("web tier ready in ≤ 2 s (tuned)", startup.web().tunedMedianMs() + " ms",
				startup.web().tunedMedianMs() <= 2000));
		targets.add(new Target("web tier RSS ≤ 400 MB at the sustained rate", memory.webLoadedMb() + " MB",
				memory.webLoadedMb() > 0 && memory.webLoadedMb() <= 400));
		return targets;
	}

	/**
	 * The Markdown section for {@code docs/benchmarks.md}.
	 * @return the section
	 */
	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("### ").append(this.date, 0, 10).append(this.quick ? " (quick)" : "").append("\n\n");
		md.append("Machine: %d CPUs (%s), %.0f GiB, %s; %s; %s.%n%n".formatted(this.machine.cpus(),
				this.machine.cpuModel(), this.machine.memoryGiB(), this.machine.os(), this.machine.java(),
				this.machine.postgres()));
		md.append("| measure | baseline (same run) | result | ratio |\n|---|---|---|---|\n");
		md.append(
				"| order ingest | pgbench, same transaction: %.0f TPS (%d clients) | %d orders/s through the load balancer, p50 %d ms, p99 %d ms | %s |%n"
					.formatted(this.ingest.pgbenchTps(), this.ingest.pgbenchClients(), this.ingest.maxOrdersPerSecond(),
							this.ingest.p50Ms(), this.ingest.p99Ms(), format(this.ingest.ratio())));
		String byWorkers = String.join(", ", this.pipeline.workers()
			.stream()
			.map((w) -> "%d worker%s %.0f/s".formatted(w.workers(), (w.workers() == 1) ? "" : "s", w.ordersPerSecond()))
			.toList());
		md.append("| CPU per order, by part (ms) | per pgbench transaction: %s | per order at %d/s: %s | %s |%n"
			.formatted(cpu(this.ingest.cpuMsPerTransaction()), this.ingest.maxOrdersPerSecond(),
					cpu(this.ingest.cpuMsPerOrder()), format(this.ingest.cpuRatio())));
		md.append("| pipeline, placed → receipt in S3 | SQS server receive + delete: %.0f messages/s | %s | %s |%n"
			.formatted(this.pipeline.sqsReceiveDeletePerSecond(), byWorkers, format(this.pipeline.ratio())));
		md.append(startupRow("web", this.startup.web()));
		md.append(startupRow("worker", this.startup.worker()));
		md.append(
				"| memory (RSS, largest instance) | idle: web %d MB, worker %d MB | loaded: web %d MB, worker %d MB | |%n"
					.formatted(this.memory.webIdleMb(), this.memory.workerIdleMb(), this.memory.webLoadedMb(),
							this.memory.workerLoadedMb()));
		md.append("\n| target | this run | met |\n|---|---|---|\n");
		this.targets.forEach((target) -> md
			.append("| %s | %s | %s |%n".formatted(target.name(), target.value(), target.met() ? "yes" : "**no**")));
		return md.toString();
	}

	private static String startupRow(String tier, Tier result) {
		return "| start-up to ready, %s | plain jar: %.1f s (median of %d) | %s: %.1f s | %s |%n".formatted(tier,
				result.plainMedianMs() / 1000.0, result.plainMs().size(), result.tuning(),
				result.tunedMedianMs() / 1000.0, format(result.ratio()));
	}

	private static String cpu(Map<String, Double> byPart) {
		if (byPart.isEmpty()) {
			return "not measured";
		}
		double total = total(byPart);
		// Parts under 0.05 ms round to nothing: they ran beside the measurement, not in
		// it.
		return String.join(", ",
				byPart.entrySet()
					.stream()
					.filter((e) -> e.getValue() >= 0.05)
					.map((e) -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
					.toList())
				+ String.format(Locale.ROOT, "; total %.1f", total);
	}

	private static double total(Map<String, Double> byPart) {
		return byPart.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	private static String format(double ratio) {
		return String.format(Locale.ROOT, "%.2f", ratio);
	}

}
