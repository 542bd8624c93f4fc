package com.example.shop.lab.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.example.shop.lab.cli.RunFolder;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabPaths;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
		Topology topology = new Topology(LabPaths.fromSystem(), this.spec.commandLine().getOut());
		topology.requireRunning();
		RunFolder run = RunFolder.of(topology.paths().state(), "bench", Instant.now());
		new Bench(topology, this.quick, run.folder(), this.spec.commandLine().getOut()).run(run.json(this.report),
				this.appendTo);
		return 0;
	}

}
