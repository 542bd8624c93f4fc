package com.example.shop.lab.standins;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.UnixSockets;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Endpoints;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.servers.FaultProxy;

/**
 * The lab's network between the instances and their dependencies: one {@link FaultProxy}
 * process (component {@code faults}) with a route in front of each database node, SQS and
 * S3. The instances are given the routes' ports instead of the servers', so cutting a
 * route is, for them, the dependency going away, while the lab itself (status, psql, the
 * tests' checks) still reaches the servers directly. The proxy is driven through its
 * control socket, {@code .lab/faults.sock}, which only the lab's user can open.
 */
public final class FaultProxies {

	/** Each route: its name, the port the instances use, the server's port. */
	static final List<Route> ROUTES = List.of(new Route("db-a", Ports.PROXY_DATABASE_A, Ports.DATABASE_A),
			new Route("db-b", Ports.PROXY_DATABASE_B, Ports.DATABASE_B), new Route("sqs", Ports.PROXY_SQS, Ports.SQS),
			new Route("s3", Ports.PROXY_S3, Ports.S3));

	private final LabPaths paths;

	public FaultProxies(LabPaths paths) {
		this.paths = paths;
	}

	public void up(LabState state) {
		if (state.get("faults").map((proxy) -> Processes.isAlive(proxy.pid())).orElse(false)) {
			return;
		}
		List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xmx64m", "-XX:+UseSerialGC", "-cp",
				this.paths.labJar().toString(), FaultProxy.class.getName(), this.paths.faultsSocket().toString()));
		ROUTES.forEach((route) -> command.add(route.name() + "=" + route.port() + ":" + route.targetPort()));
		long pid = Launch.of(command).appendTo(this.paths.log("faults")).ownSession().detach();
		state.put(new LabState.Component("faults", "faults", pid, Ports.PROXY_DATABASE_A));
		boolean started = Await.until(Duration.ofSeconds(30), () -> Files.exists(this.paths.faultsSocket())
				&& ROUTES.stream().allMatch((route) -> Endpoints.isListening(route.port())));
		if (!started) {
			throw new LabException("the fault proxy did not start; see bin/lab logs faults");
		}
	}

	public void down(LabState state) {
		state.get("faults").ifPresent((proxy) -> Processes.stop(proxy.pid(), Duration.ofSeconds(5)));
		state.remove("faults");
	}

	/**
	 * Sends one command to the proxy.
	 * @param command e.g. {@code cut db 30000}
	 * @return the answer, one line per route concerned
	 * @throws LabException if the proxy refuses the command or does not answer
	 */
	public String send(String command) {
		try {
			String answer = UnixSockets.request(this.paths.faultsSocket(), command);
			if (answer.startsWith("error")) {
				throw new LabException("the fault proxy refused '" + command + "': " + answer.trim());
			}
			return answer;
		}
		catch (IOException ex) {
			throw new LabException("the fault proxy did not answer (" + ex.getMessage() + "); is the lab up?");
		}
	}

	/**
	 * Cuts routes until the deadline, after which the proxy restores them itself.
	 * @param target a route, a prefix such as {@code db}, or {@code all}
	 * @param duration how long
	 * @return the routes' new state
	 */
	public String cut(String target, Duration duration) {
		return send("cut %s %dms".formatted(target, duration.toMillis()));
	}

	public String slow(String target, Duration latency, Duration duration) {
		return send("slow %s %dms %dms".formatted(target, latency.toMillis(), duration.toMillis()));
	}

	public String restore(String target) {
		return send("restore " + target);
	}

	public String status() {
		return send("status");
	}

	/**
	 * The database URL for instances: both nodes through their routes; the driver picks
	 * the primary.
	 */
	public static String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:%d,127.0.0.1:%d/orders?targetServerType=primary"
			.formatted(Ports.PROXY_DATABASE_A, Ports.PROXY_DATABASE_B);
	}

	public static String sqsEndpoint() {
		return "http://127.0.0.1:" + Ports.PROXY_SQS;
	}

	public static String s3Endpoint() {
		return "http://127.0.0.1:" + Ports.PROXY_S3;
	}

	/**
	 * One route.
	 *
	 * @param name its name, also a target of the control commands
	 * @param port where the instances connect
	 * @param targetPort the server behind it
	 */
	record Route(String name, int port, int targetPort) {
	}

}
