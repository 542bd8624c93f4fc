package com.example.shop.lab.gameday;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.example.shop.lab.cli.RunFolder;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.report.GameDayReport;
import com.example.shop.lab.gameday.report.ScenarioResult;
import com.example.shop.lab.host.LabPaths;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/lab gameday}: runs failure scenarios against the running lab under load and
 * judges each from what the clients saw and what the system stored (see {@link GameDay}).
 * Writes a JSON and an HTML report; exits 1 if any scenario failed.
 */
@Command(name = "gameday", mixinStandardHelpOptions = true,
		description = "Run failure scenarios under load and check that no acknowledged order was lost, none was "
				+ "made twice and every one was processed; writes a JSON and an HTML report. Without a scenario: "
				+ "all of them.")
public class GameDayCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--quick", description = "shorter faults and load phases (all scenarios in about 15 min)")
	boolean quick;

	@Option(names = "--report", paramLabel = "FILE",
			description = "the JSON report (default: .lab/gamedays/TIME/report.json); the HTML report goes beside "
					+ "it, with the same name ending in .html")
	@Nullable Path report;

	@Option(names = "--list", description = "list the scenarios and their hypotheses, and run nothing")
	boolean list;

	@Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "scenarios to run, in this order")
	List<String> names = new ArrayList<>();

	@Override
	public Integer call() {
		List<Scenario> scenarios = Scenarios.named(this.names, this.quick);
		if (this.list) {
			scenarios.forEach((scenario) -> out().printf("%-12s %s%n", scenario.name(), scenario.hypothesis()));
			return 0;
		}
		Topology topology = new Topology(LabPaths.fromSystem(), out());
		topology.requireRunning();
		Instant started = Instant.now();
		RunFolder run = RunFolder.of(topology.paths().state(), "gamedays", started);
		Path folder = run.folder();
		Path json = run.json(this.report);
		Path html = RunFolder.beside(json, ".html");
		out().printf("Game day: %d scenarios%s, records in %s%n", scenarios.size(), this.quick ? " (quick)" : "",
				folder);
		List<ScenarioResult> results = new GameDay(topology, folder, out()).run(scenarios);
		GameDayReport.write(results, json, html, started, this.quick);
		long passed = results.stream().filter(ScenarioResult::passed).count();
		out().printf("%n%d of %d scenarios passed in %d min %d s%n", passed, results.size(),
				Duration.between(started, Instant.now()).toMinutes(),
				Duration.between(started, Instant.now()).toSecondsPart());
		results.forEach((result) -> out().println(result.verdictLine()));
		out().printf("Report: %s%n        %s%n", json, html);
		return (passed == results.size()) ? 0 : 1;
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

}
