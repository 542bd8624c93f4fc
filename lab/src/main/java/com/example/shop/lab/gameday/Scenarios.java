package com.example.shop.lab.gameday;

import java.time.Duration;
import java.util.List;

import com.example.shop.lab.faults.AzOutageFault;
import com.example.shop.lab.faults.DatabaseFailoverFault;
import com.example.shop.lab.faults.DeepHealthFault;
import com.example.shop.lab.faults.KillWebFault;
import com.example.shop.lab.faults.KillWorkerFault;
import com.example.shop.lab.faults.PoisonFault;
import com.example.shop.lab.faults.RouteFault;
import com.example.shop.lab.faults.SpikeFault;
import com.example.shop.lab.faults.StopWebFault;
import com.example.shop.lab.host.LabException;

/**
 * The game-day scenarios, one per fault, each with its hypothesis and its own
 * expectations (see {@link Expectations}). {@code --quick} keeps the same experiments
 * with shorter faults and shorter load phases, so that all of them fit in CI.
 */
final class Scenarios {

	private Scenarios() {
	}

	/**
	 * Every scenario, in the order a game day runs them.
	 * @param quick shorter faults and load phases
	 * @return the scenarios
	 */
	static List<Scenario> all(boolean quick) {
		Duration warmup = seconds(quick ? 6 : 20);
		Duration tail = seconds(quick ? 16 : 30);
		Duration outage = seconds(quick ? 10 : 30);
		// long enough for the zone left to show it carries the load alone, after the
		// failover
		Duration zoneOutage = seconds(quick ? 20 : 60);
		// A replacement instance starts cold and joins the load balancer after 2 good
		// checks; its first seconds are slower, and recovery is judged after that. A
		// spike
		// leaves the same behind on 2 cores (a second load generator's JVM, collections,
		// compilations): its recovery is watched as long.
		Duration replacement = seconds(quick ? 30 : 45);
		return List.of(
				new Scenario("kill-web",
						"A web instance that dies costs only the requests sent to it until the load balancer's checks "
								+ "take it out (2 failures, 5 s apart); nothing acknowledged is lost.",
						"SIGKILL the first web instance, then start a replacement as an Auto Scaling group would",
						warmup, replacement, (stage) -> new KillWebFault(0, true, stage.topology()),
						Expectations.errorWindowAtMost(seconds(12))),
				new Scenario("stop-web",
						"A web instance stopped gracefully (scale-in, deployment) drains first: no client notices.",
						"SIGTERM the first web instance; it deregisters, drains for 12 s, exits, and is started again",
						warmup, tail, (stage) -> new StopWebFault(0, stage.topology()), Expectations.noClientErrors()),
				new Scenario("kill-worker",
						"A worker killed mid-message loses nothing: the message comes back after its visibility "
								+ "timeout and is processed once; clients see nothing.",
						"SIGKILL worker-1 while it holds messages, then start it again", warmup, tail,
						(stage) -> new KillWorkerFault(1, stage.topology()), Expectations.noClientErrors()),
				new Scenario("db-failover",
						"The synchronous standby takes over when the primary dies: errors last at most 5 s and no "
								+ "acknowledged order is lost.",
						"pg_ctl stop -m immediate on the primary, promote the standby, rebuild a new standby", warmup,
						tail, (stage) -> new DatabaseFailoverFault(stage.topology()),
						Expectations.errorWindowAtMost(seconds(5))),
				new Scenario("az-outage-primary",
						"The zone with the database primary fails: the standby in the other zone takes over and the "
								+ "other zone's instances carry the load with what they have (static stability); "
								+ "errors last at most 10 s and nothing acknowledged is lost.",
						"kill every instance in the primary's zone, cut it from the load balancer and stop its "
								+ "database node for " + zoneOutage.toSeconds()
								+ " s; then rebuild a standby and the instances there",
						warmup, tail, (stage) -> new AzOutageFault("primary", zoneOutage, stage.topology(), true),
						Expectations.errorWindowAtMost(seconds(10)).and(Expectations.staticallyStable())),
				new Scenario("az-outage-standby",
						"The zone with the database standby fails: the primary commits alone until a new standby "
								+ "streams, and the other zone's instances carry the load; errors last at most 5 s.",
						"kill every instance in the standby's zone, cut it from the load balancer and stop its "
								+ "database node for " + zoneOutage.toSeconds()
								+ " s; then rebuild a standby and the instances there",
						warmup, tail, (stage) -> new AzOutageFault("standby", zoneOutage, stage.topology(), true),
						Expectations.errorWindowAtMost(seconds(5)).and(Expectations.staticallyStable())),
				new Scenario("db-outage",
						"With the database unreachable the web tier fails fast (503 with Retry-After, no timeouts), "
								+ "the load balancer keeps every instance (health checks are local), and orders are "
								+ "accepted again as soon as it is back.",
						"cut both database routes in the fault proxy for " + outage.toSeconds() + " s", warmup, tail,
						(stage) -> RouteFault.outage("db-outage", "db", outage, stage.topology().paths()),
						Expectations.failuresAre503s().and(Expectations.fleetKept())),
				new Scenario("db-slow",
						"A slow database (500 ms per answer) slows orders or sheds them fast; no client waits into "
								+ "its timeout and the load balancer keeps every instance.",
						"delay every database answer by 500 ms for " + outage.toSeconds() + " s", warmup, tail,
						(stage) -> RouteFault.slow("db-slow", "db", Duration.ofMillis(500), outage,
								stage.topology().paths()),
						Expectations.noTimeouts().and(Expectations.fleetKept())),
				new Scenario("sqs-outage",
						"With SQS unreachable, orders are still accepted: their events wait in the outbox and "
								+ "are sent when SQS is back.",
						"cut the SQS route for " + outage.toSeconds() + " s", warmup, tail,
						(stage) -> RouteFault.outage("sqs-outage", "sqs", outage, stage.topology().paths()),
						Expectations.noClientErrors().and(Expectations.outboxAbsorbed())),
				new Scenario("s3-outage",
						"With S3 unreachable, orders are still accepted; receipts wait, their messages are retried "
								+ "with backoff, and every order is processed once S3 is back.",
						"cut the S3 route for " + outage.toSeconds() + " s", warmup, tail,
						(stage) -> RouteFault.outage("s3-outage", "s3", outage, stage.topology().paths()),
						Expectations.noClientErrors()),
				new Scenario("poison",
						"Messages no worker can process end in the dead-letter queue after 5 receives, without "
								+ "blocking the orders behind them.",
						"send 3 malformed messages to the orders queue", warmup, tail,
						(stage) -> new PoisonFault(3, stage.topology().paths()), Expectations.noClientErrors()),
				new Scenario("spike",
						"Far more orders than the web tier can take: the excess gets fast 503s (load shedding), "
								+ "the accepted throughput does not collapse and the instances stay in service.",
						"a second load generator at "
								+ Expectations.SPIKE_RATE + " orders/s for " + outage.toSeconds() + " s",
						warmup, replacement,
						(stage) -> new SpikeFault(Expectations.SPIKE_RATE, outage, stage.topology().paths(),
								stage.folder().resolve(Expectations.SPIKE_RECORD)),
						Expectations.shedsFast()),
				new Scenario("deep-health",
						"The anti-pattern: with the database in the readiness check, a database outage takes every "
								+ "instance out of the load balancer; only its fail-open keeps requests flowing.",
						"restart the web instances with deep readiness, then cut the database for "
								+ seconds(quick ? 20 : 30).toSeconds() + " s",
						warmup, tail, (stage) -> new DeepHealthFault(seconds(quick ? 20 : 30), stage.topology()),
						Expectations.fleetEmptiedAndFailedOpen()),
				restoreDrill(warmup, tail));
	}

	/**
	 * The data lost, the backups restored: RPO and RTO against the targets of
	 * {@code docs/recovery.md} (see {@link RestoreDrillFault}).
	 */
	private static Scenario restoreDrill(Duration warmup, Duration tail) {
		RestoreDrillFault.Drill drill = new RestoreDrillFault.Drill();
		return new Scenario("restore-drill",
				"With the database and some receipts lost, the newest base backup and the WAL archive restore every "
						+ "acknowledged order (RPO 0 orders) into a validated cluster within 300 s (RTO), and the "
						+ "receipts come back from their earlier versions.",
				"under load: a base backup, more orders, 5 receipts deleted, then a restore to the latest point "
						+ "into a separate cluster, validated",
				// backup, writes and restore: about 15 s on 2 cores in a new lab,
				// 30 s or more with ten thousand receipts to list (S3Mock's
				// listings grow with the bucket), all inside the fault; the tail
				// is kept on after them
				warmup, tail.plus(seconds(45)), (stage) -> new RestoreDrillFault(stage.topology(), drill),
				RestoreDrillFault.objectivesMet(drill));
	}

	/**
	 * The scenarios with these names, in the order given.
	 * @param names scenario names; none means all
	 * @param quick shorter faults and load phases
	 * @return the scenarios
	 * @throws LabException naming the scenarios there are, if a name is unknown
	 */
	static List<Scenario> named(List<String> names, boolean quick) {
		List<Scenario> all = all(quick);
		if (names.isEmpty()) {
			return all;
		}
		// a name may stand for its variants: az-outage runs az-outage-primary and
		// az-outage-standby
		return names.stream().flatMap((name) -> {
			List<Scenario> matching = all.stream()
				.filter((scenario) -> scenario.name().equals(name) || scenario.name().startsWith(name + "-"))
				.toList();
			if (matching.isEmpty()) {
				throw new LabException("no scenario '" + name + "'; there are: "
						+ String.join(", ", all.stream().map(Scenario::name).toList()));
			}
			return matching.stream();
		}).toList();
	}

	private static Duration seconds(long seconds) {
		return Duration.ofSeconds(seconds);
	}

}
