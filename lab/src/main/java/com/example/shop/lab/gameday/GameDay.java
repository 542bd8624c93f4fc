package com.example.shop.lab.gameday;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.lab.faults.Fault;
import com.example.shop.lab.faults.FaultWindow;
import com.example.shop.lab.fleet.LabHealth;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.gameday.report.ScenarioResult;
import com.example.shop.lab.gameday.report.Timeline;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.AwsStandIns;

/**
 * Runs game-day scenarios against the running lab, one after the other. For each: wait
 * until the lab is healthy, empty the dead-letter queue, then hand it to a
 * {@link ScenarioRun}: steady load, fault, recovery, drain, audit, verdict. A scenario
 * that cannot run at all (the lab does not get healthy) fails with the reason, and the
 * game day goes on with the next.
 */
final class GameDay {

	private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(90);

	private final Topology topology;

	private final Path folder;

	private final PrintWriter out;

	private final SystemAudit audit;

	/**
	 * A game day.
	 * @param topology the running lab
	 * @param folder where each scenario keeps its records
	 * @param out where progress and verdicts go
	 */
	GameDay(Topology topology, Path folder, PrintWriter out) {
		this.topology = topology;
		this.folder = folder;
		this.out = out;
		this.audit = new SystemAudit(topology.paths());
	}

	/**
	 * Runs the scenarios, printing a verdict line after each.
	 * @param scenarios what to run
	 * @return one result per scenario
	 */
	List<ScenarioResult> run(List<Scenario> scenarios) {
		List<ScenarioResult> results = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			ScenarioResult result = run(scenario);
			results.add(result);
			this.out.println(result.verdictLine());
		}
		return results;
	}

	private ScenarioResult run(Scenario scenario) {
		this.out.printf("%n== %s: %s%n", scenario.name(), scenario.hypothesis());
		try {
			Path records = createFolder(this.folder.resolve(scenario.name()));
			new LabHealth(this.topology, this.out).await(HEALTHY_TIMEOUT);
			int purged = purgeDeadLetters();
			if (purged > 0) {
				this.out.printf("   emptied %s (%d messages from earlier runs)%n", AwsClients.DLQ, purged);
			}
			Fault fault = scenario.fault().apply(new Scenario.Stage(this.topology, records));
			return new ScenarioRun(scenario, fault, records, this.topology, this.audit, this.out).execute();
		}
		catch (RuntimeException ex) {
			this.out.printf("   %s could not run: %s%n", scenario.name(), ex.getMessage());
			return couldNotRun(scenario, String.valueOf(ex.getMessage()));
		}
	}

	/** Empties the dead-letter queue, and says how many messages it held. */
	private int purgeDeadLetters() {
		int held;
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			held = probe.queues().depth(AwsClients.DLQ).orElse(0);
		}
		new AwsStandIns(this.topology.paths()).purgeDeadLetters();
		return held;
	}

	private static ScenarioResult couldNotRun(Scenario scenario, String reason) {
		long now = System.currentTimeMillis();
		Timeline nothing = Timeline.of(List.of(), now, new FaultWindow(now, now, now));
		return new ScenarioResult(scenario.name(), scenario.hypothesis(), scenario.injects(), 0, 0, 0, 0, 0, 0, 0, 0,
				null, 0, Map.of(), List.of(Check.expect("scenario ran", false, reason)), nothing, List.of());
	}

	private static Path createFolder(Path folder) {
		try {
			return Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
