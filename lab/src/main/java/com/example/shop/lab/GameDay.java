package com.example.shop.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.lab.gameday.Check;
import com.example.shop.lab.gameday.ClientRecord;
import com.example.shop.lab.gameday.FaultWindow;
import com.example.shop.lab.gameday.ScenarioResult;
import com.example.shop.lab.gameday.SystemSample;
import com.example.shop.lab.gameday.Timeline;

/**
 * Runs game-day scenarios against the running lab, one after the other. For each: wait
 * until the lab is healthy, start a fixed-arrival-rate load of orders through the load
 * balancer (every request recorded), let it reach steady state, inject the fault, heal
 * it, keep the load on through the recovery, wait for the pipeline to drain, then audit
 * PostgreSQL, the queues, S3 and the workers' logs against what the clients were told.
 */
final class GameDay {

	/**
	 * Orders per second of the steady load: well within what the lab serves on 2 cores.
	 */
	static final int RATE = 20;

	private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(90);

	/** Long enough for a poison message's 5 receives with the workers' backoff. */
	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(150);

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
			return runOrFail(scenario);
		}
		catch (RuntimeException ex) {
			this.out.printf("   %s could not run: %s%n", scenario.name(), ex.getMessage());
			long now = System.currentTimeMillis();
			Timeline nothing = Timeline.of(List.of(), now, new FaultWindow(now, now, now));
			return new ScenarioResult(scenario.name(), scenario.hypothesis(), scenario.injects(), 0, 0, 0, 0, 0, 0, 0,
					0, null, 0, Map.of(), List.of(Check.expect("scenario ran", false, String.valueOf(ex.getMessage()))),
					nothing, List.of());
		}
	}

	private ScenarioResult runOrFail(Scenario scenario) {
		Path records = this.folder.resolve(scenario.name());
		createFolder(records);
		new LabHealth(this.topology, this.out).await(HEALTHY_TIMEOUT);
		int purged = this.audit.purgeDeadLetters();
		if (purged > 0) {
			this.out.printf("   emptied %s (%d messages from earlier runs)%n", AwsClients.DLQ, purged);
		}
		Fault fault = scenario.fault().apply(new Scenario.Stage(this.topology, records));
		Run run = new Run(scenario, fault, records.resolve("load.jsonl"));
		return run.execute();
	}

	private static void createFolder(Path folder) {
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One scenario, from the load's start to the verdict. */
	private final class Run {

		private final Scenario scenario;

		private final Fault fault;

		private final Path record;

		private Run(Scenario scenario, Fault fault, Path record) {
			this.scenario = scenario;
			this.fault = fault;
			this.record = record;
		}

		ScenarioResult execute() {
			boolean prepared = false;
			try {
				this.fault.prepare(GameDay.this.out);
				prepared = true;
				return measure();
			}
			finally {
				if (!prepared) {
					this.fault.heal(GameDay.this.out);
				}
			}
		}

		private ScenarioResult measure() {
			Duration planned = this.scenario.warmup().plus(this.fault.duration()).plus(this.scenario.tail());
			GameDay.this.out.printf("   load: %d orders/s for %d s; fault after %d s: %s%n", RATE, planned.toSeconds(),
					this.scenario.warmup().toSeconds(), this.scenario.injects());
			LoadJar.Running load = LoadJar.of(GameDay.this.topology.paths(), RATE, planned, this.record)
				.start(GameDay.this.out, "   ");
			FaultWindow window;
			List<SystemSample> samples;
			boolean loadRan;
			Drain drained;
			try (SystemWatch watch = SystemWatch.start(GameDay.this.topology)) {
				awaitFirstRecord();
				Processes.sleep(this.scenario.warmup());
				window = FaultRun.runPrepared(this.fault, GameDay.this.out);
				loadRan = load.awaitEnd(planned.plus(Duration.ofSeconds(60)));
				drained = drain();
				samples = watch.samples();
			}
			return verdict(window, samples, loadRan, drained);
		}

		private void awaitFirstRecord() {
			Processes.await(Duration.ofSeconds(60), () -> {
				try {
					return Files.size(this.record) > 0;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}

		private Drain drain() {
			Secrets secrets = Secrets.loadOrCreate(GameDay.this.topology.paths());
			long start = System.nanoTime();
			int[] quiet = { 0 };
			boolean drained = Processes.await(DRAIN_TIMEOUT, () -> {
				boolean empty = SystemWatch.outboxPending(secrets) == 0 && queueDepth() == 0;
				quiet[0] = empty ? quiet[0] + 1 : 0;
				if (!empty) {
					Processes.sleep(Duration.ofSeconds(1));
				}
				return quiet[0] >= 2;
			});
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			GameDay.this.out.printf("   drained: %s after %d s (outbox and orders queue empty)%n",
					drained ? "yes" : "NO", took.toSeconds());
			return new Drain(drained, took);
		}

		private ScenarioResult verdict(FaultWindow window, List<SystemSample> samples, boolean loadRan, Drain drained) {
			List<ClientRecord> records = new ArrayList<>(ClientRecord.read(this.record));
			Path spike = this.record.resolveSibling(Expectations.SPIKE_RECORD);
			if (Files.exists(spike)) {
				records.addAll(ClientRecord.read(spike));
			}
			long loadStartedAt = records.stream().mapToLong(ClientRecord::sentAt).min().orElse(window.startedAt());
			Timeline timeline = Timeline.of(records, loadStartedAt, window);
			SystemAudit.Findings findings = GameDay.this.audit.audit(records);
			int webInstances = GameDay.this.topology.state().ofKind("web").size();
			List<Check> checks = new ArrayList<>();
			checks.add(Check.expect("load ran as planned", loadRan,
					loadRan ? timeline.sent() + " requests sent" : "the load generator failed or did not end"));
			checks.addAll(commonChecks(timeline, findings, drained));
			List<LoadBalancerLog.Entry> balancer = LoadBalancerLog
				.between(GameDay.this.topology.paths().log("load-balancer"), loadStartedAt, System.currentTimeMillis());
			checks.addAll(this.scenario.expectation()
				.check(new Scenario.Evidence(timeline, records, samples, balancer, window, webInstances)));
			return ScenarioResult.of(this.scenario.name(), this.scenario.hypothesis(), this.scenario.injects(),
					timeline, findings.lost().size(), findings.duplicateKeys().size(), findings.unprocessed().size(),
					findings.processedTwice().size(), checks, samples);
		}

		private List<Check> commonChecks(Timeline timeline, SystemAudit.Findings findings, Drain drained) {
			List<String> expectedDeadLetters = this.fault.deadLetters();
			List<String> deadLetters = GameDay.this.audit.deadLetters();
			Long recovery = timeline.recoveryMs();
			return List.of(
					Check.expect("no acknowledged order lost", findings.lost().isEmpty(),
							describe(findings.lost(), "acknowledged orders missing from PostgreSQL")),
					Check.expect("no key made two orders", findings.duplicateKeys().isEmpty(),
							describe(findings.duplicateKeys(), "idempotency keys with more than one order")),
					Check.expect("pipeline drained", drained.drained(),
							"outbox and queue empty after " + drained.took().toSeconds() + " s"),
					Check.expect("every acknowledged order processed", findings.unprocessed().isEmpty(),
							describe(findings.unprocessed(), "acknowledged orders not PROCESSED with a receipt in S3")),
					Check.expect("no order processed twice", findings.processedTwice().isEmpty(),
							describe(findings.processedTwice(), "orders moved to PROCESSED more than once")),
					Check.expect("dead-letter queue holds only the poison",
							sorted(deadLetters).equals(sorted(expectedDeadLetters)),
							deadLetters.size() + " messages in " + AwsClients.DLQ + ", " + expectedDeadLetters.size()
									+ " expected (the poison sent)"),
					Check.expect("recovered under load", recovery != null,
							(recovery != null)
									? "p99 within " + timeline.recoveryThresholdMs() + " ms and no errors " + recovery
											+ " ms after the fault ended"
									: "p99 never stayed within " + timeline.recoveryThresholdMs()
											+ " ms without errors before the load ended"));
		}

		private static String describe(List<String> found, String what) {
			if (found.isEmpty()) {
				return "none";
			}
			return found.size() + " " + what + ", e.g. "
					+ String.join("; ", found.subList(0, Math.min(3, found.size())));
		}

		private static List<String> sorted(List<String> texts) {
			return texts.stream().sorted().toList();
		}

		private int queueDepth() {
			try (var sqs = AwsClients.sqs()) {
				return AwsClients.depth(sqs, AwsClients.QUEUE);
			}
			catch (RuntimeException ex) {
				return -1;
			}
		}

	}

	private record Drain(boolean drained, Duration took) {
	}

}
