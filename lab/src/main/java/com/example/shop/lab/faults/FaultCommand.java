package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;

import com.example.shop.lab.cli.DurationConverter;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.standins.FaultProxies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/lab fault NAME}: one real fault, injected, held and healed (see
 * {@link Fault}). Each sub-command only reads its options and builds its fault;
 * {@link FaultRun} does the rest, as a game day will.
 */
@Command(name = "fault", mixinStandardHelpOptions = true,
		description = "Inject a real fault; each one ends by itself. Without a name: the list.")
public class FaultCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		out().println("Faults (bin/lab fault NAME --help for options):");
		this.spec.subcommands()
			.entrySet()
			.stream()
			.filter((command) -> !command.getKey().equals("status"))
			.forEach((command) -> out().printf("  %-12s %s%n", command.getKey(),
					String.join(" ", command.getValue().getCommandSpec().usageMessage().description())));
		out().println("Active faults in the network path: bin/lab fault status");
	}

	@Command(name = "kill-web", mixinStandardHelpOptions = true,
			description = "SIGKILL a web instance; with --replace, start a new one afterwards.")
	void killWeb(
			@Parameters(arity = "0..1", defaultValue = "0", paramLabel = "N",
					description = "the instance (default: the live colour's first)") int n,
			@Option(names = "--replace", description = "start a replacement once it is dead") boolean replace) {
		run(new KillWebFault(n, replace, topology()));
	}

	@Command(name = "stop-web", mixinStandardHelpOptions = true,
			description = "SIGTERM a web instance (graceful: it drains, then exits), then start it again.")
	void stopWeb(@Parameters(arity = "0..1", defaultValue = "0", paramLabel = "N",
			description = "the instance (default: the live colour's first)") int n) {
		run(new StopWebFault(n, topology()));
	}

	@Command(name = "kill-worker", mixinStandardHelpOptions = true,
			description = "SIGKILL a worker, saying how many messages were in flight, then start it again.")
	void killWorker(@Parameters(arity = "0..1", defaultValue = "1", paramLabel = "N") int n) {
		run(new KillWorkerFault(n, topology()));
	}

	@Command(name = "db-failover", mixinStandardHelpOptions = true,
			description = "Stop the primary (immediate), promote the standby, rebuild the old primary as a standby.")
	void databaseFailover() {
		run(new DatabaseFailoverFault(topology()));
	}

	@Command(name = "az-outage", mixinStandardHelpOptions = true,
			description = "A whole zone fails: its instances killed and cut from the load balancer, its database "
					+ "node stopped (failing over if primary); then the lab rebuilds it.")
	void azOutage(
			@Parameters(paramLabel = "ZONE",
					description = "a or b; or primary or standby: the zone of that database node") String zone,
			@Option(names = "--for", defaultValue = "60s", converter = DurationConverter.class,
					description = "how long the zone is down (default: ${DEFAULT-VALUE})") Duration duration) {
		run(new AzOutageFault(zone, duration, topology(), false));
	}

	@Command(name = "db-outage", mixinStandardHelpOptions = true,
			description = "Cut the network to both database nodes (fault proxy).")
	void databaseOutage(@Option(names = "--for", defaultValue = "30s", converter = DurationConverter.class,
			description = "how long (default: ${DEFAULT-VALUE})") Duration duration) {
		run(RouteFault.outage("db-outage", "db", duration, paths()));
	}

	@Command(name = "db-slow", mixinStandardHelpOptions = true,
			description = "Delay every answer from both database nodes (fault proxy).")
	void databaseSlow(
			@Option(names = "--latency", defaultValue = "500ms", converter = DurationConverter.class,
					description = "added to each answer (default: ${DEFAULT-VALUE})") Duration latency,
			@Option(names = "--for", defaultValue = "30s", converter = DurationConverter.class,
					description = "how long (default: ${DEFAULT-VALUE})") Duration duration) {
		run(RouteFault.slow("db-slow", "db", latency, duration, paths()));
	}

	@Command(name = "sqs-outage", mixinStandardHelpOptions = true,
			description = "Cut the network to SQS (fault proxy); orders wait in the outbox.")
	void sqsOutage(@Option(names = "--for", defaultValue = "30s", converter = DurationConverter.class,
			description = "how long (default: ${DEFAULT-VALUE})") Duration duration) {
		run(RouteFault.outage("sqs-outage", "sqs", duration, paths()));
	}

	@Command(name = "s3-outage", mixinStandardHelpOptions = true,
			description = "Cut the network to S3 (fault proxy); receipts wait, messages retry.")
	void s3Outage(@Option(names = "--for", defaultValue = "30s", converter = DurationConverter.class,
			description = "how long (default: ${DEFAULT-VALUE})") Duration duration) {
		run(RouteFault.outage("s3-outage", "s3", duration, paths()));
	}

	@Command(name = "poison", mixinStandardHelpOptions = true,
			description = "Put malformed messages on the orders queue; they end in orders-dlq.")
	void poison(@Option(names = "--count", defaultValue = "3",
			description = "how many (default: ${DEFAULT-VALUE})") int count) {
		run(new PoisonFault(count, paths()));
	}

	@Command(name = "spike", mixinStandardHelpOptions = true,
			description = "Orders far beyond capacity (load generator): fast 503s, no timeouts.")
	void spike(
			@Option(names = "--rate", defaultValue = "400",
					description = "orders per second (default: ${DEFAULT-VALUE})") int rate,
			@Option(names = "--for", defaultValue = "20s", converter = DurationConverter.class,
					description = "how long (default: ${DEFAULT-VALUE})") Duration duration) {
		run(new SpikeFault(rate, duration, paths(), null));
	}

	@Command(name = "deep-health", mixinStandardHelpOptions = true,
			description = "The anti-pattern: readiness with the database, then a database outage takes every "
					+ "instance out.")
	void deepHealth(@Option(names = "--for", defaultValue = "30s", converter = DurationConverter.class,
			description = "how long the database is cut (default: ${DEFAULT-VALUE}; the load balancer "
					+ "needs up to 15 s to take every instance out)") Duration duration) {
		run(new DeepHealthFault(duration, topology()));
	}

	@Command(name = "delete-receipts", mixinStandardHelpOptions = true,
			description = "Delete receipts through the S3 API (delete markers in the versioned bucket); healing "
					+ "brings them back.")
	void deleteReceipts(
			@Option(names = "--count", defaultValue = "5",
					description = "how many (default: ${DEFAULT-VALUE})") int count,
			@Option(names = "--for", defaultValue = "10s", converter = DurationConverter.class,
					description = "how long before they are brought back (default: ${DEFAULT-VALUE})") Duration duration) {
		run(new DeleteReceiptsFault(count, duration, topology()));
	}

	@Command(name = "status", mixinStandardHelpOptions = true,
			description = "The fault proxy's routes: pass, cut or slow, and for how long.")
	void status() {
		new FaultProxies(paths()).status().lines().forEach(out()::println);
	}

	private void run(Fault fault) {
		FaultRun.run(fault, out());
	}

	private Topology topology() {
		return new Topology(paths(), out());
	}

	private static LabPaths paths() {
		return LabPaths.fromSystem();
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

}
