package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.probe.BalancerProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.standins.FaultProxies;

/**
 * The mistake that rule 1 prevents, shown for real: readiness that includes the database.
 * The web instances are restarted one at a time with
 * {@code --orders.health.deep-readiness=true}, then the database routes are cut. Every
 * instance fails its check at the same moment and the load balancer takes all of them
 * out; it then fails open (the backup servers) and requests still reach them, answered
 * {@code 503} because the database is down. A database outage became a fleet outage for
 * the load balancer. Healing restores the routes and restarts the instances, one at a
 * time again, with the default, local readiness.
 */
public final class DeepHealthFault implements Fault {

	private static final String DEEP = "--orders.health.deep-readiness=true";

	private static final Duration LOAD_BALANCER_TIMEOUT = Duration.ofSeconds(60);

	private final Duration duration;

	private final Topology topology;

	private final FaultProxies proxies;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final AtomicReference<String> lastProbe = new AtomicReference<>("no answer yet");

	private volatile boolean restarted;

	private volatile boolean probing;

	public DeepHealthFault(Duration duration, Topology topology) {
		this.duration = duration;
		this.topology = topology;
		this.proxies = new FaultProxies(topology.paths());
	}

	@Override
	public String name() {
		return "deep-health";
	}

	@Override
	public Duration duration() {
		return this.duration;
	}

	@Override
	public void prepare(PrintWriter out) {
		out.println("deep-health: restarting the web instances one at a time with " + DEEP + " (the anti-pattern)");
		this.restarted = true;
		rollingRestart(List.of(DEEP), out);
	}

	@Override
	public void inject(PrintWriter out) {
		this.proxies.cut("db", this.duration);
		out.printf("deep-health: database routes cut for %d s; watch the load balancer%n", this.duration.toSeconds());
		this.probing = true;
		Thread.ofVirtual().name("deep-health-probe").start(this::probeEverySecond);
	}

	@Override
	public Duration observeEvery() {
		return Duration.ofSeconds(2);
	}

	@Override
	public void observe(PrintWriter out, Duration left) {
		Map<String, String> status = new BalancerProbe(this.topology.paths()).webStatus();
		StringBuilder line = new StringBuilder("deep-health: " + left.toSeconds() + " s left; load balancer:");
		status.forEach((name, state) -> {
			if (!state.equals("MAINT")) {
				line.append(' ').append(name).append(' ').append(state);
			}
		});
		out.println(line.append("; last order: ").append(this.lastProbe.get()));
	}

	@Override
	public void heal(PrintWriter out) {
		this.probing = false;
		this.proxies.restore("db");
		out.println("deep-health: database routes restored");
		if (this.restarted) {
			out.println("deep-health: restarting the web instances one at a time with local readiness (the default)");
			rollingRestart(List.of(), out);
		}
	}

	private void rollingRestart(List<String> settings, PrintWriter out) {
		for (LabState.Component web : this.topology.state().ofKind("web")) {
			int n = Integer.parseInt(web.name().substring("web-".length()));
			long start = System.nanoTime();
			this.topology.stopInstance(web.name());
			this.topology.startInstance("web", n, settings);
			boolean up = Await.until(LOAD_BALANCER_TIMEOUT,
					() -> "UP".equals(new BalancerProbe(this.topology.paths()).webStatus().get(web.name())));
			out.printf("  %s restarted%s in %d s; load balancer: %s%n", web.name(),
					settings.isEmpty() ? "" : " " + settings, Duration.ofNanos(System.nanoTime() - start).toSeconds(),
					up ? "UP" : "not UP yet");
		}
	}

	/**
	 * Places an order through the load balancer every second, without waiting for the
	 * answer (the first ones take seconds, until the instances' breakers open), and keeps
	 * the latest outcome: who answered, and how.
	 */
	private void probeEverySecond() {
		while (this.probing) {
			long sent = System.nanoTime();
			this.http.sendAsync(order(), HttpResponse.BodyHandlers.discarding())
				.thenAccept((response) -> this.lastProbe
					.set(response.statusCode() + " from " + response.headers().firstValue("X-Lab-Server").orElse("?")
							+ " in " + millisSince(sent) + " ms"))
				.exceptionally((failure) -> {
					this.lastProbe.set("no answer (" + failure.getCause().getClass().getSimpleName() + ")");
					return null;
				});
			Await.sleep(Duration.ofSeconds(1));
		}
	}

	private static HttpRequest order() {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Ports.LOAD_BALANCER + "/api/orders"))
			.timeout(Duration.ofSeconds(10))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"customerEmail\": \"deep-health@example.com\", \"lines\": [{\"sku\": \"MUG-01\", \"quantity\": 1}]}"))
			.build();
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
