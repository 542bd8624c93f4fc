package com.example.shop.lab.gameday;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.lab.faults.Fault;
import com.example.shop.lab.faults.FaultRun;
import com.example.shop.lab.faults.FaultWindow;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.gameday.report.ScenarioResult;
import com.example.shop.lab.gameday.report.SystemSample;
import com.example.shop.lab.gameday.report.Timeline;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.load.LoadJar;
import com.example.shop.lab.probe.LoadBalancerLog;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import org.jspecify.annotations.Nullable;

/**
 * One scenario of a game day, from the load's start to the verdict: prepare the fault,
 * start the steady load (every request recorded), let it settle, run the fault, keep the
 * load on through the recovery, wait for the outbox and the queue to drain, then judge
 * from the clients' records, what the system stored and what it looked like meanwhile.
 */
final class ScenarioRun {

	/**
	 * Orders per second of the steady load: well within what the lab serves on 2 cores.
	 */
	static final int RATE = 20;

	/**
	 * The unjudged load before the measured one: a few seconds at the same rate, so that
	 * a scenario starts from steady state.
	 */
	static final Duration WARM_UP = Duration.ofSeconds(5);

	/**
	 * Long enough for a poison message's 5 receives with the workers' backoff, and for
	 * one worker to write the receipts of a spike into a bucket of ten thousand (S3Mock
	 * writes slow down as the bucket fills).
	 */
	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(300);

	private final Scenario scenario;

	private final Fault fault;

	private final Path record;

	private final Topology topology;

	private final SystemAudit audit;

	private final PrintWriter out;

	private boolean faultRan;

	ScenarioRun(Scenario scenario, Fault fault, Path folder, Topology topology, SystemAudit audit, PrintWriter out) {
		this.scenario = scenario;
		this.fault = fault;
		this.record = folder.resolve("load.jsonl");
		this.topology = topology;
		this.audit = audit;
		this.out = out;
	}

	/**
	 * Runs the scenario. The fault is healed whatever happens: by {@link FaultRun} once
	 * it ran, here if the run failed before.
	 * @return the result
	 */
	ScenarioResult execute() {
		try {
			this.fault.prepare(this.out);
			warmUp();
			return measure();
		}
		finally {
			if (!this.faultRan) {
				this.fault.heal(this.out);
			}
		}
	}

	private ScenarioResult measure() {
		Duration planned = this.scenario.warmup().plus(this.fault.duration()).plus(this.scenario.tail());
		this.out.printf("   load: %d orders/s for %d s; fault after %d s: %s%n", RATE, planned.toSeconds(),
				this.scenario.warmup().toSeconds(), this.scenario.injects());
		LoadJar.Running load = LoadJar.of(this.topology.paths(), RATE, planned, this.record).start(this.out, "   ");
		try (SystemWatch watch = SystemWatch.start(this.topology.paths())) {
			awaitFirstRecord();
			Await.sleep(this.scenario.warmup());
			this.faultRan = true;
			FaultWindow window = FaultRun.runPrepared(this.fault, this.out);
			boolean loadRan = load.awaitEnd(planned.plus(Duration.ofSeconds(60)));
			Duration drained = drain();
			return verdict(window, watch.samples(), loadRan, drained);
		}
	}

	/**
	 * The same load for {@link #WARM_UP}, not recorded, not judged. An instance that the
	 * previous scenario replaced or restarted is a cold JVM, whose first requests at this
	 * rate are slow enough to be shed: that is the previous scenario's after-effect, and
	 * it was measured there (an experiment starts from steady state). Its orders are
	 * processed like any other; the audit looks only at the measured ones.
	 */
	private void warmUp() {
		LoadJar.Running warmUp = LoadJar.of(this.topology.paths(), RATE, WARM_UP, null).start(this.out, "   warm-up ");
		warmUp.awaitEnd(WARM_UP.plus(Duration.ofSeconds(60)));
	}

	private void awaitFirstRecord() {
		Await.until(Duration.ofSeconds(60), () -> {
			try {
				return Files.size(this.record) > 0;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	private @Nullable Duration drain() {
		Duration took;
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			took = probe.awaitDrained(DRAIN_TIMEOUT);
		}
		this.out.printf("   drained: %s (outbox and orders queue empty)%n", (took != null)
				? "yes after " + took.toSeconds() + " s" : "NO within " + DRAIN_TIMEOUT.toSeconds() + " s");
		return took;
	}

	private ScenarioResult verdict(FaultWindow window, List<SystemSample> samples, boolean loadRan,
			@Nullable Duration drained) {
		List<ClientRecord> records = new ArrayList<>(ClientRecord.read(this.record));
		Path spike = this.record.resolveSibling(Expectations.SPIKE_RECORD);
		if (Files.exists(spike)) {
			records.addAll(ClientRecord.read(spike));
		}
		long loadStartedAt = records.stream().mapToLong(ClientRecord::sentAt).min().orElse(window.startedAt());
		Timeline timeline = Timeline.of(records, loadStartedAt, window);
		SystemAudit.Findings findings = this.audit.audit(records);
		List<Check> checks = new ArrayList<>();
		checks.add(Check.expect("load ran as planned", loadRan,
				loadRan ? timeline.sent() + " requests sent" : "the load generator failed or did not end"));
		checks.addAll(CommonChecks.of(timeline, findings, drained, this.fault.deadLetters(), this.audit.deadLetters()));
		List<LoadBalancerLog.Entry> balancer = LoadBalancerLog.between(this.topology.paths().log("load-balancer"),
				loadStartedAt, System.currentTimeMillis());
		int webInstances = this.topology.state().ofKind("web").size();
		checks.addAll(this.scenario.expectation()
			.check(new Scenario.Evidence(timeline, records, samples, balancer, window, webInstances)));
		return ScenarioResult.of(this.scenario.name(), this.scenario.hypothesis(), this.scenario.injects(), timeline,
				findings.lost().size(), findings.duplicateKeys().size(), findings.unprocessed().size(),
				findings.processedTwice().size(), checks, samples);
	}

}
