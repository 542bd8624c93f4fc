package com.example.shop.lab.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.UnixSockets;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Endpoints;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.process.Processes;

/**
 * The lab's Application Load Balancer: HAProxy on {@code 127.0.0.1:8080}. Like an ALB
 * target group it checks each web instance's readiness endpoint ({@code /readyz}) every 5
 * s and takes an instance out after 2 failed checks and back after 2 good ones (the
 * fastest an ALB allows); it does not resend a request to another instance. When every
 * instance fails its check an ALB "fails open" and sends traffic to all of them anyway;
 * HAProxy does the same here because each instance is listed a second time as an
 * unchecked backup server, and {@code option allbackups} uses all backups at once. The
 * stats page and the runtime API (a Unix socket in {@code .lab/haproxy}) are how the lab,
 * the dashboard and game days see and change routing.
 */
public final class LoadBalancer {

	private final LabPaths paths;

	private final Tools tools;

	public LoadBalancer(LabPaths paths, Tools tools) {
		this.paths = paths;
		this.tools = tools;
	}

	public void up(LabState state, Collection<Integer> webInstances) {
		if (state.get("load-balancer").map((lb) -> Processes.isAlive(lb.pid())).orElse(false)) {
			return;
		}
		writeConfig(webInstances);
		Launch.of(List.of(this.tools.haproxy().toString(), "-c", "-q", "-f", config().toString()))
			.run(Duration.ofSeconds(10));
		long pid = Launch.of(List.of(this.tools.haproxy().toString(), "-db", "-f", config().toString()))
			.appendTo(this.paths.log("load-balancer"))
			.ownSession()
			.detach();
		if (!Await.until(Duration.ofSeconds(10), () -> Endpoints.isListening(Ports.LOAD_BALANCER))) {
			throw new LabException("HAProxy did not start; see bin/lab logs load-balancer");
		}
		state.put(new LabState.Component("load-balancer", "load-balancer", pid, Ports.LOAD_BALANCER));
	}

	/**
	 * Puts the given web instances in service and the others in maintenance, through the
	 * runtime API, as registering and deregistering targets would.
	 * @param slots the web instances that exist
	 */
	public void setWebInstances(Collection<Integer> slots) {
		for (int n = 1; n <= Ports.MAX_INSTANCES; n++) {
			setInService(n, slots.contains(n));
		}
	}

	/**
	 * Registers or deregisters one web instance, with its fail-open twin.
	 * @param slot the instance
	 * @param inService {@code true} to register it
	 */
	public void setInService(int slot, boolean inService) {
		String state = inService ? "ready" : "maint";
		runtime("set server web/web-%d state %s".formatted(slot, state));
		runtime("set server web/web-%d-open state %s".formatted(slot, state));
	}

	/**
	 * Sets one web instance's weight (0 to 256) for new requests, with its fail-open
	 * twin; 0 sends it none, while it keeps the requests it has.
	 * @param slot the instance
	 * @param weight its weight
	 */
	public void setWeight(int slot, int weight) {
		runtime("set weight web/web-%d %d".formatted(slot, weight));
		runtime("set weight web/web-%d-open %d".formatted(slot, weight));
	}

	/**
	 * One web instance's weight for new requests.
	 * @param slot the instance
	 * @return its current weight
	 */
	public int weight(int slot) {
		// "get weight" answers e.g. "100 (initial 1)".
		return Integer.parseInt(runtime("get weight web/web-%d".formatted(slot)).trim().split(" ")[0]);
	}

	/**
	 * Sends one command to HAProxy's runtime API.
	 * @param command the command
	 * @return HAProxy's answer
	 */
	public String runtime(String command) {
		try {
			return UnixSockets.request(socket(), command);
		}
		catch (IOException ex) {
			throw new LabException("HAProxy's runtime API did not answer (" + ex.getMessage() + "); is the lab up?");
		}
	}

	private void writeConfig(Collection<Integer> webInstances) {
		List<String> checked = new ArrayList<>();
		List<String> backups = new ArrayList<>();
		IntStream.rangeClosed(1, Ports.MAX_INSTANCES).forEach((n) -> {
			String disabled = webInstances.contains(n) ? "" : " disabled";
			checked.add("    server web-%d 127.0.0.1:%d check%s".formatted(n, Ports.web(n), disabled));
			backups.add("    server web-%d-open 127.0.0.1:%d backup%s".formatted(n, Ports.web(n), disabled));
		});
		String config = """
				# Written by bin/lab up; the lab's stand-in for an Application Load Balancer.
				global
				    maxconn 4096
				    stats socket %s mode 600 level admin
				    log stdout format raw local0 info

				defaults
				    mode http
				    log global
				    option httplog
				    timeout connect 2s
				    timeout client 60s
				    timeout server 60s
				    timeout http-request 10s
				    # Like an ALB: a request is never resent to another instance.
				    retries 0

				frontend orders
				    bind 127.0.0.1:%d
				    # Management endpoints are not public; health checks reach instances directly.
				    http-request deny deny_status 404 if { path_beg /actuator }
				    default_backend web

				backend web
				    balance roundrobin
				    option httpchk
				    http-check send meth GET uri /readyz
				    http-check expect status 200
				    # ALB-like: check every 5 s, out after 2 failures, back after 2 successes.
				    default-server inter 5s fall 2 rise 2
				    # Fail open, like an ALB: when no instance passes its check, use all of them.
				    option allbackups
				    http-response set-header X-Lab-Server %%s
				%s
				%s

				listen stats
				    bind 127.0.0.1:%d
				    stats enable
				    stats uri /
				    stats refresh 2s
				    stats show-legends
				""".formatted(socket(), Ports.LOAD_BALANCER, String.join("\n", checked), String.join("\n", backups),
				Ports.LOAD_BALANCER_STATS);
		try {
			Files.writeString(config(), config);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void down(LabState state) {
		state.get("load-balancer").ifPresent((lb) -> Processes.stop(lb.pid(), Duration.ofSeconds(5)));
		state.remove("load-balancer");
	}

	Path config() {
		return this.paths.haproxy().resolve("haproxy.cfg");
	}

	private Path socket() {
		return socket(this.paths);
	}

	/**
	 * Where HAProxy's runtime API listens.
	 * @param paths the lab
	 * @return the Unix socket, readable by the lab's user only
	 */
	public static Path socket(LabPaths paths) {
		return paths.haproxy().resolve("admin.sock");
	}

}
