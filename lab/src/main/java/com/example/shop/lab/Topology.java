package com.example.shop.lab;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The whole lab: brings every part up in dependency order (database, SQS and S3,
 * instances, load balancer), scales the tiers, and takes everything down again. Every
 * step first looks at what is already running, so {@code up} can be run twice.
 */
final class Topology {

	static final List<Integer> LAB_PORTS = List.of(Ports.LOAD_BALANCER, Ports.LOAD_BALANCER_STATS, Ports.DATABASE_A,
			Ports.DATABASE_B, Ports.SQS, Ports.S3);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final LabPaths paths;

	private final LabState state;

	private final PrintWriter out;

	Topology(LabPaths paths, PrintWriter out) {
		this.paths = paths;
		this.state = LabState.load(paths);
		this.out = out;
	}

	LabState state() {
		return this.state;
	}

	void up(int webCount, int workerCount) throws java.io.IOException {
		this.paths.create();
		Tools tools = Tools.findOrInstall();
		Secrets secrets = Secrets.loadOrCreate(this.paths);
		step("database", "PostgreSQL primary db-a :%d, synchronous standby db-b :%d", Ports.DATABASE_A,
				Ports.DATABASE_B);
		new Database(this.paths, tools, secrets).up(this.state);
		step("sqs, s3", "ElasticMQ :%d (queues orders, orders-dlq), S3Proxy :%d (bucket receipts)", Ports.SQS,
				Ports.S3);
		new AwsStandIns(this.paths).up(this.state);
		step("instances", "%d web, %d worker", webCount, workerCount);
		scaleTo("web", webCount, secrets);
		scaleTo("worker", workerCount, secrets);
		step("load balancer", "HAProxy :%d, stats :%d", Ports.LOAD_BALANCER, Ports.LOAD_BALANCER_STATS);
		LoadBalancer loadBalancer = new LoadBalancer(this.paths, tools);
		loadBalancer.up(this.state, webCount);
		loadBalancer.setWebInstances(webCount);
	}

	/**
	 * Starts or stops instances of a tier until it has {@code count}, and waits until the
	 * new ones are ready.
	 * @param kind {@code web} or {@code worker}
	 * @param count how many instances the tier should have
	 */
	void scale(String kind, int count) {
		Secrets secrets = Secrets.loadOrCreate(this.paths);
		scaleTo(kind, count, secrets);
		if (kind.equals("web")) {
			new LoadBalancer(this.paths, Tools.find().orElseThrow(() -> new LabException("the lab is not up")))
				.setWebInstances(count);
		}
	}

	private void scaleTo(String kind, int count, Secrets secrets) {
		if (count < 0 || count > Ports.MAX_INSTANCES) {
			throw new LabException(kind + " instances must be between 0 and " + Ports.MAX_INSTANCES);
		}
		Instances instances = new Instances(this.paths, secrets);
		List<LabState.Component> started = new ArrayList<>();
		for (int n = 1; n <= Ports.MAX_INSTANCES; n++) {
			String name = kind + "-" + n;
			boolean alive = this.state.get(name).map((c) -> Processes.isAlive(c.pid())).orElse(false);
			if (n <= count && !alive) {
				LabState.Component instance = kind.equals("web") ? instances.startWeb(n) : instances.startWorker(n);
				this.state.put(instance);
				started.add(instance);
			}
			else if (n > count) {
				stopInstance(name);
			}
		}
		Instances.awaitReady(started, START_TIMEOUT);
	}

	private void stopInstance(String name) {
		this.state.get(name).ifPresent((instance) -> {
			// Longer than the tiers' graceful shutdown, so in-flight work finishes.
			Processes.stop(instance.pid(), Duration.ofSeconds(45));
			this.state.remove(name);
		});
	}

	/**
	 * Stops everything the lab started, and checks that nothing is left listening.
	 * @param purge also delete the lab's data
	 * @return the lab ports still in use afterwards, normally none
	 */
	List<Integer> down(boolean purge) {
		var tools = Tools.find();
		tools.ifPresent((found) -> new LoadBalancer(this.paths, found).down(this.state));
		// All instances at once: each takes a few seconds to shut down gracefully.
		this.state.components()
			.parallelStream()
			.filter((c) -> c.kind().equals("web") || c.kind().equals("worker"))
			.forEach((instance) -> stopInstance(instance.name()));
		new AwsStandIns(this.paths).down(this.state);
		Secrets secrets = Secrets.loadOrCreate(this.paths);
		tools.ifPresent((found) -> new Database(this.paths, found, secrets).down(this.state));
		this.state.components().forEach((leftover) -> {
			Processes.stop(leftover.pid(), Duration.ofSeconds(10));
			this.state.remove(leftover.name());
		});
		if (purge) {
			tools.ifPresent((found) -> new Database(this.paths, found, secrets).purge());
			Database.deleteTree(this.paths.state());
		}
		return listening();
	}

	static List<Integer> listening() {
		List<Integer> ports = new ArrayList<>(LAB_PORTS);
		IntStream.rangeClosed(1, Ports.MAX_INSTANCES).forEach((n) -> {
			ports.add(Ports.web(n));
			ports.add(Ports.webManagement(n));
			ports.add(Ports.worker(n));
		});
		return ports.stream().filter(Processes::isListening).toList();
	}

	private void step(String what, String format, Object... args) {
		this.out.printf("  %-14s %s%n", what, format.formatted(args));
	}

}
