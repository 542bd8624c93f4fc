package com.example.shop.lab.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.host.Zones;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Endpoints;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.FaultProxies;

/**
 * The lab's EC2 instances: web and worker JVMs, started from the same jars that are baked
 * into the AMIs, with the {@code lab} profile (endpoints only) and the lab's credentials
 * in their environment, as an instance would get them at launch. They reach PostgreSQL,
 * SQS and S3 through the {@link FaultProxies}, so that a fault can cut or slow the
 * network between them and a dependency without the application knowing about it.
 */
public final class Instances {

	private final LabPaths paths;

	private final Secrets secrets;

	public Instances(LabPaths paths, Secrets secrets) {
		this.paths = paths;
		this.secrets = secrets;
	}

	public LabState.Component startWeb(int n) {
		return startWeb(n, List.of());
	}

	/**
	 * Starts web instance {@code n} on the release of its colour ({@link WebColours}).
	 * @param n the instance, 1-based
	 * @param settings extra settings, e.g. {@code --orders.health.deep-readiness=true}
	 * @return the started instance
	 */
	public LabState.Component startWeb(int n, List<String> settings) {
		String name = "web-" + n;
		WebColours.Release release = WebColours.load(this.paths).release(WebColours.colourOf(n));
		List<String> command = command(Path.of(release.jar()), name);
		command.add("--server.port=" + Ports.web(n));
		command.add("--management.server.port=" + Ports.webManagement(n));
		command.add("--orders.instance-name=" + name);
		command.add("--orders.availability-zone=" + Zones.ofSlot(n));
		command.addAll(release.settings());
		command.addAll(settings);
		return start(name, "web", Ports.web(n), command, false);
	}

	LabState.Component startWorker(int n) {
		String name = "worker-" + n;
		List<String> command = command(this.paths.workerJar(), name);
		command.add("--server.port=" + Ports.worker(n));
		command.add("--orders.availability-zone=" + Zones.ofSlot(n));
		return start(name, "worker", Ports.worker(n), command, true);
	}

	/**
	 * Whether an instance answers its readiness check.
	 * @param instance the instance
	 * @return {@code true} once it is ready for traffic
	 */
	static boolean ready(LabState.Component instance) {
		return Endpoints.httpStatus("http://127.0.0.1:" + instance.port() + "/readyz") == 200;
	}

	/**
	 * Waits until the instances are ready, or one of them dies.
	 * @param instances the instances just started
	 * @param timeout the longest wait
	 */
	static void awaitReady(List<LabState.Component> instances, Duration timeout) {
		boolean ready = Await.until(timeout, () -> {
			for (LabState.Component instance : instances) {
				if (!Processes.isAlive(instance.pid())) {
					throw new LabException(
							instance.name() + " exited during start-up; see bin/lab logs " + instance.name());
				}
			}
			return instances.stream().allMatch(Instances::ready);
		});
		if (!ready) {
			throw new LabException("not ready after " + timeout.toSeconds() + " s: "
					+ instances.stream().filter((instance) -> !ready(instance)).map(LabState.Component::name).toList()
					+ "; see bin/lab logs");
		}
	}

	/**
	 * Workers run at a lower CPU priority: see
	 * {@link Processes#startDetached(List, Map, Path, boolean)}.
	 */
	private LabState.Component start(String name, String kind, int port, List<String> command, boolean lowPriority) {
		if (Endpoints.isListening(port)) {
			throw new LabException("port " + port + " for " + name + " is taken by another program");
		}
		long pid = Launch.of(command)
			.environment(environment())
			.appendTo(this.paths.log(name))
			.ownSession()
			.lowPriority(lowPriority)
			.detach();
		return new LabState.Component(name, kind, pid, port);
	}

	/**
	 * The command line an instance is started with, before its own settings: the JVM
	 * options every instance gets, the jar and the lab's endpoints. The start-up bench
	 * starts its JVMs with it too, so it measures what the lab runs.
	 * @param jar the tier's jar
	 * @param name the instance's name
	 * @return the command line, modifiable
	 */
	public List<String> command(Path jar, String name) {
		if (!Files.exists(jar)) {
			throw new LabException(jar + " is missing; bin/lab builds it, or run ./mvnw -DskipTests package");
		}
		// Small heaps and the serial collector: several JVMs share a laptop or a 2-core
		// machine.
		// SQS and S3 through the fault proxy: the lab profile names the servers
		// themselves.
		return new ArrayList<>(List.of(Processes.java(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
				"-Dlab.instance=" + name, "-jar", jar.toString(), "--spring.profiles.active=lab",
				"--spring.cloud.aws.sqs.endpoint=" + FaultProxies.sqsEndpoint(),
				"--spring.cloud.aws.s3.endpoint=" + FaultProxies.s3Endpoint()));
	}

	/**
	 * The environment an instance is started with: the database and AWS credentials.
	 * @return the variables
	 */
	public Map<String, String> environment() {
		return Map.of("DB_URL", FaultProxies.jdbcUrl(), "DB_USERNAME", "orders", "DB_PASSWORD",
				this.secrets.databasePassword(), "AWS_ACCESS_KEY_ID", Secrets.AWS_ACCESS_KEY, "AWS_SECRET_ACCESS_KEY",
				Secrets.AWS_SECRET_KEY, "AWS_REGION", "us-east-1");
	}

}
