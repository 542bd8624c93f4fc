package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.probe.Monitor;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Endpoints;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsStandIns;
import com.example.shop.lab.standins.DatabaseNodes;
import com.example.shop.lab.standins.FaultProxies;
import com.example.shop.lab.standins.LoadBalancer;
import com.example.shop.lab.standins.Tools;

/**
 * The whole lab: brings every part up in dependency order (database, SQS and S3, the
 * fault proxy in front of them, instances, load balancer, the lab's monitor and
 * replacer), and starts, stops and scales the instances. Every step first looks at what
 * is already running, so {@code up} can be run twice. {@link Teardown} takes it down.
 */
public final class Topology {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final LabPaths paths;

	private final LabState state;

	private final PrintWriter out;

	public Topology(LabPaths paths, PrintWriter out) {
		this.paths = paths;
		this.state = LabState.load(paths);
		this.out = out;
	}

	public LabState state() {
		return this.state;
	}

	public LabPaths paths() {
		return this.paths;
	}

	/**
	 * The database pair, for failovers and rebuilds.
	 * @return the pair
	 */
	public DatabasePair database() {
		return new DatabasePair(this.paths, new DatabaseNodes(this.paths, tools(), Secrets.loadOrCreate(this.paths)));
	}

	public LoadBalancer loadBalancer() {
		return new LoadBalancer(this.paths, tools());
	}

	/**
	 * Checks that the lab is up, before a command that drives it (a game day, a bench, a
	 * deployment).
	 * @throws LabException saying how to start it
	 */
	public void requireRunning() {
		boolean running = this.state.get("load-balancer")
			.map((balancer) -> Processes.isAlive(balancer.pid()))
			.orElse(false);
		if (!running) {
			throw new LabException("the lab is not running; start it with bin/lab up, then run the game day again");
		}
	}

	/**
	 * A running instance.
	 * @param name e.g. {@code web-1}
	 * @return the instance
	 * @throws LabException if it is not running
	 */
	public LabState.Component runningInstance(String name) {
		return this.state.get(name)
			.filter((instance) -> Processes.isAlive(instance.pid()))
			.orElseThrow(() -> new LabException(name + " is not running (bin/lab status shows what runs)"));
	}

	/**
	 * How many instances of a tier the lab has, running or not: what to give
	 * {@code bin/lab up} to start the missing ones again.
	 * @param kind {@code web} or {@code worker}
	 * @return the instances recorded
	 */
	public int instanceCount(String kind) {
		return this.state.ofKind(kind).size();
	}

	/**
	 * Starts one instance, again after it died or stopped, and waits until it is ready.
	 * @param kind {@code web} or {@code worker}
	 * @param n the instance, 1-based
	 * @param settings extra settings for a web instance
	 */
	public void startInstance(String kind, int n, List<String> settings) {
		Instances instances = new Instances(this.paths, Secrets.loadOrCreate(this.paths));
		int port = kind.equals("web") ? Ports.web(n) : Ports.worker(n);
		// a killed JVM's port is free only once its last thread is gone, a moment after
		// the
		// process itself
		Await.until(Duration.ofSeconds(10), () -> !Endpoints.isListening(port));
		LabState.Component instance = kind.equals("web") ? instances.startWeb(n, settings) : instances.startWorker(n);
		this.state.put(instance);
		Instances.awaitReady(List.of(instance), START_TIMEOUT);
	}

	/**
	 * Starts every web and worker instance the lab has whose process is dead, all at once
	 * and each in its own slot (so its own zone), waits until they are ready, and puts
	 * the web instances back in the load balancer.
	 * @return the instances started
	 */
	public List<String> startDeadInstances() {
		Instances instances = new Instances(this.paths, Secrets.loadOrCreate(this.paths));
		List<LabState.Component> started = new ArrayList<>();
		for (LabState.Component instance : LabState.load(this.paths).components()) {
			boolean web = instance.kind().equals("web");
			if ((web || instance.kind().equals("worker")) && !Processes.isAlive(instance.pid())) {
				int n = slot(instance.kind(), instance);
				Await.until(Duration.ofSeconds(10), () -> !Endpoints.isListening(instance.port()));
				LabState.Component replacement = web ? instances.startWeb(n) : instances.startWorker(n);
				this.state.put(replacement);
				started.add(replacement);
			}
		}
		Instances.awaitReady(started, START_TIMEOUT);
		loadBalancer().setWebInstances(webSlots());
		return started.stream().map(LabState.Component::name).toList();
	}

	void up(int webCount, int workerCount) throws java.io.IOException {
		this.paths.create();
		Tools tools = Tools.findOrInstall();
		Secrets secrets = Secrets.loadOrCreate(this.paths);
		step("database", "PostgreSQL db-a :%d and db-b :%d, a primary and its synchronous standby", Ports.DATABASE_A,
				Ports.DATABASE_B);
		new DatabasePair(this.paths, new DatabaseNodes(this.paths, tools, secrets)).up(this.state);
		step("sqs, s3", "ElasticMQ :%d (queues orders, orders-dlq), S3Mock :%d (versioned bucket receipts)", Ports.SQS,
				Ports.S3);
		new AwsStandIns(this.paths).up(this.state);
		step("faults", "proxies db-a :%d, db-b :%d, sqs :%d, s3 :%d; control socket .lab/faults.sock",
				Ports.PROXY_DATABASE_A, Ports.PROXY_DATABASE_B, Ports.PROXY_SQS, Ports.PROXY_S3);
		new FaultProxies(this.paths).up(this.state);
		step("instances", "%d web (%s), %d worker", webCount, WebColours.load(this.paths).live(), workerCount);
		scaleTo("web", webCount, secrets);
		scaleTo("worker", workerCount, secrets);
		step("load balancer", "HAProxy :%d, stats :%d", Ports.LOAD_BALANCER, Ports.LOAD_BALANCER_STATS);
		LoadBalancer loadBalancer = new LoadBalancer(this.paths, tools);
		loadBalancer.up(this.state, webSlots());
		loadBalancer.setWebInstances(webSlots());
		step("monitor", "what the dashboard shows, :%d/status.json", Ports.MONITOR);
		startMonitor();
		step("replacer", "replaces dead instances in their zone after %d s (%s; bin/lab replace on|off)",
				Replacer.GRACE.toSeconds(), Replacer.enabled(this.paths) ? "on" : "off");
		startLabProcess("replacer", Replacer.class, 0);
	}

	private void startMonitor() {
		startLabProcess("monitor", Monitor.class, Ports.MONITOR);
		if (!Await.until(Duration.ofSeconds(30), () -> Endpoints.isListening(Ports.MONITOR))) {
			throw new LabException("the monitor did not start; see bin/lab logs monitor");
		}
	}

	/** One of the lab's own background processes, started unless it runs. */
	private void startLabProcess(String name, Class<?> main, int port) {
		if (this.state.get(name).map((process) -> Processes.isAlive(process.pid())).orElse(false)) {
			return;
		}
		long pid = Launch
			.of(List.of(Processes.java(), "-Xmx64m", "-XX:+UseSerialGC", "-Dlab.home=" + this.paths.repo(),
					"-Dlab.state=" + this.paths.state(), "-cp", this.paths.labJar().toString(), main.getName()))
			.appendTo(this.paths.log(name))
			.lowPriority(true)
			.detach();
		this.state.put(new LabState.Component(name, name, pid, port));
	}

	/**
	 * The slots of the web instances the lab has, whether they run or not.
	 * @return their numbers
	 */
	public List<Integer> webSlots() {
		return this.state.ofKind("web").stream().map((instance) -> slot("web", instance)).sorted().toList();
	}

	/**
	 * The first web instance of the live colour: what a fault aims at when not told.
	 * @return its slot, e.g. 1 while blue is live, 5 while green is
	 */
	public int firstWebSlot() {
		return WebColours.slots(WebColours.load(this.paths).live()).getFirst();
	}

	private static int slot(String kind, LabState.Component instance) {
		return Integer.parseInt(instance.name().substring(kind.length() + 1));
	}

	/**
	 * Starts or stops instances of a tier until it has {@code count}, and waits until the
	 * new ones are ready.
	 * @param kind {@code web} or {@code worker}
	 * @param count how many instances the tier should have
	 */
	public void scale(String kind, int count) {
		Secrets secrets = Secrets.loadOrCreate(this.paths);
		scaleTo(kind, count, secrets);
		if (kind.equals("web")) {
			loadBalancer().setWebInstances(webSlots());
		}
	}

	/**
	 * Web instances are the live colour's (blue's slots 1 to 4, or green's 5 to 8: see
	 * {@link WebColours}); workers use slots 1 to 8.
	 */
	private void scaleTo(String kind, int count, Secrets secrets) {
		List<Integer> slots = kind.equals("web") ? WebColours.slots(WebColours.load(this.paths).live())
				: IntStream.rangeClosed(1, Ports.MAX_INSTANCES).boxed().toList();
		if (count < 0 || count > slots.size()) {
			throw new LabException(kind + " instances must be between 0 and " + slots.size());
		}
		Instances instances = new Instances(this.paths, secrets);
		List<LabState.Component> started = new ArrayList<>();
		for (int i = 0; i < slots.size(); i++) {
			int n = slots.get(i);
			String name = kind + "-" + n;
			boolean alive = this.state.get(name).map((c) -> Processes.isAlive(c.pid())).orElse(false);
			if (i < count && !alive) {
				LabState.Component instance = kind.equals("web") ? instances.startWeb(n) : instances.startWorker(n);
				this.state.put(instance);
				started.add(instance);
			}
			else if (i >= count) {
				stopInstance(name);
			}
		}
		Instances.awaitReady(started, START_TIMEOUT);
	}

	/**
	 * Stops an instance gracefully (SIGTERM), and forgets it.
	 * @param name e.g. {@code web-1}
	 */
	public void stopInstance(String name) {
		this.state.get(name).ifPresent((instance) -> {
			// Longer than the tiers' graceful shutdown, so in-flight work finishes.
			Processes.stop(instance.pid(), Duration.ofSeconds(45));
			this.state.remove(name);
		});
	}

	private static Tools tools() {
		return Tools.find().orElseThrow(() -> new LabException("PostgreSQL or HAProxy is missing: is the lab up?"));
	}

	private void step(String what, String format, Object... args) {
		this.out.printf("  %-14s %s%n", what, format.formatted(args));
	}

}
