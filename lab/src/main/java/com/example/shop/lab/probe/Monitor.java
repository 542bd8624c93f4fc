package com.example.shop.lab.probe;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Zones;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsClients;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lab's monitor (component {@code monitor}): once a second it gathers what the
 * dashboard shows, from the lab's own vantage points, and serves it as JSON on
 * {@code 127.0.0.1:8405/status.json}. Each source is read on its own and a failing one
 * shows as unknown or unreachable, so the picture keeps coming while the thing it shows
 * fails: the load balancer's access log (requests and errors per second, p99, which
 * instances answered) and its runtime API (which instances are in service), each database
 * node asked directly whether it is a primary, the SQS server's queue depths, the outbox
 * backlog, the workers' own {@code orders.processed} counters, the fault being injected.
 * <p>
 * On AWS the same numbers are CloudWatch's (the ALB's metrics, RDS events, the queues'
 * metrics, the {@code outbox.pending} gauge); a separate process reading them is what
 * keeps the page alive when the database is not.
 */
public final class Monitor {

	/** The window of the p99 and of "who answered". */
	private static final long WINDOW_MS = 5000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

	private final LabPaths paths;

	private final SystemProbe probe;

	private final Map<String, Double> processedByWorker = new HashMap<>();

	private final Deque<LoadBalancerLog.Entry> recent = new ArrayDeque<>();

	private long logOffset = -1;

	private volatile byte[] status = "{}".getBytes(StandardCharsets.UTF_8);

	Monitor(LabPaths paths) {
		this.paths = paths;
		this.probe = SystemProbe.open(paths);
	}

	/**
	 * Serves until killed.
	 * @param args none
	 * @throws IOException if the port is taken
	 */
	public static void main(String[] args) throws IOException {
		Monitor monitor = new Monitor(LabPaths.fromSystem());
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.MONITOR), 16);
		server.createContext("/status.json", (exchange) -> {
			byte[] body = monitor.status;
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("Cache-Control", "no-store");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		Executors.newSingleThreadScheduledExecutor().scheduleWithFixedDelay(monitor::refresh, 0, 1, TimeUnit.SECONDS);
	}

	private void refresh() {
		try {
			this.status = JSON.writeValueAsBytes(sample(System.currentTimeMillis()));
		}
		catch (RuntimeException ex) {
			// one bad sample must not stop the next
			System.err.println("monitor: " + ex);
		}
	}

	Map<String, Object> sample(long now) {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("at", now);
		status.put("loadBalancer", loadBalancer(now));
		status.put("database",
				DatabaseNode.PAIR.stream()
					.map((node) -> Map.of("node", node.name(), "role", this.probe.database().asked(node).toString(),
							"zone", Zones.of(node.name()).orElseThrow()))
					.toList());
		status.put("queue", queues());
		OptionalLong backlog = this.probe.orders().outboxBacklog();
		status.put("outboxBacklog", backlog.isPresent() ? backlog.getAsLong() : null);
		status.put("workers", workers());
		status.put("fault", fault());
		return status;
	}

	private Map<String, Object> loadBalancer(long now) {
		List<LoadBalancerLog.Entry> fresh = newLogEntries();
		this.recent.addAll(fresh);
		while (!this.recent.isEmpty() && this.recent.peekFirst().acceptedAt() < now - WINDOW_MS) {
			this.recent.removeFirst();
		}
		Map<String, Object> lb = new LinkedHashMap<>();
		lb.put("requestsPerSecond", fresh.size());
		lb.put("errorsPerSecond", fresh.stream().filter(Monitor::failed).count());
		lb.put("p99Ms", NearestRank.of(this.recent.stream().mapToLong(LoadBalancerLog.Entry::totalMs).toArray(), 99));
		Map<String, Long> answered = new LinkedHashMap<>();
		this.recent.stream()
			.map((entry) -> entry.server().replaceFirst("^web/", ""))
			.filter((server) -> !server.startsWith("<"))
			.sorted()
			.forEach((server) -> answered.merge(server, 1L, Long::sum));
		lb.put("answeredBy", answered);
		lb.put("servers", servers());
		return lb;
	}

	private static boolean failed(LoadBalancerLog.Entry entry) {
		return entry.status() >= 500 || entry.status() < 0 || !entry.endedNormally();
	}

	/** Lines the access log gained since the last look; a new log starts from its end. */
	private List<LoadBalancerLog.Entry> newLogEntries() {
		Path log = this.paths.log("load-balancer");
		List<LoadBalancerLog.Entry> entries = new ArrayList<>();
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			if (this.logOffset < 0 || this.logOffset > length) {
				this.logOffset = length;
				return entries;
			}
			file.seek(this.logOffset);
			byte[] bytes = new byte[(int) Math.min(length - this.logOffset, 8 * 1024 * 1024)];
			file.readFully(bytes);
			String text = new String(bytes, StandardCharsets.UTF_8);
			int complete = text.lastIndexOf('\n') + 1;
			this.logOffset += text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length;
			text.substring(0, complete).lines().forEach((line) -> LoadBalancerLog.parse(line).ifPresent(entries::add));
		}
		catch (IOException ex) {
			// no log yet: nothing answered
		}
		return entries;
	}

	/**
	 * Each web instance the load balancer knows (not in maintenance) and its check state,
	 * as {@code bin/lab status} reads it.
	 */
	private List<Map<String, String>> servers() {
		try {
			return this.probe.balancer()
				.webStatus()
				.entrySet()
				.stream()
				.filter((server) -> !server.getValue().startsWith("MAINT"))
				.map((server) -> Map.of("name", server.getKey(), "status", server.getValue(), "zone",
						server.getKey().matches("web-\\d+") ? Zones.of(server.getKey()).orElseThrow() : ""))
				.toList();
		}
		catch (LabException ex) {
			return List.of(Map.of("name", "load balancer", "status", "unreachable"));
		}
	}

	private Map<String, @Nullable Integer> queues() {
		Map<String, @Nullable Integer> queues = new LinkedHashMap<>();
		OptionalInt depth = this.probe.queues().depth(AwsClients.QUEUE);
		OptionalInt deadLetters = this.probe.queues().depth(AwsClients.DLQ);
		queues.put("depth", depth.isPresent() ? depth.getAsInt() : null);
		queues.put("deadLetters", deadLetters.isPresent() ? deadLetters.getAsInt() : null);
		return queues;
	}

	/** How many workers run, and receipts per second from their own counters. */
	private Map<String, Object> workers() {
		List<LabState.Component> workers = LabState.load(this.paths)
			.ofKind("worker")
			.stream()
			.filter((worker) -> Processes.isAlive(worker.pid()))
			.toList();
		double receipts = 0;
		Map<String, Double> seen = new HashMap<>();
		for (LabState.Component worker : workers) {
			Optional<Double> processed = get("http://127.0.0.1:" + worker.port() + "/actuator/metrics/orders.processed")
				.map((body) -> JSON.readTree(body).at("/measurements/0/value"))
				.filter(JsonNode::isNumber)
				.map(JsonNode::asDouble);
			if (processed.isPresent()) {
				double before = this.processedByWorker.getOrDefault(worker.name(), processed.get());
				// a restarted worker counts from 0 again
				receipts += (processed.get() >= before) ? processed.get() - before : processed.get();
				seen.put(worker.name(), processed.get());
			}
		}
		this.processedByWorker.clear();
		this.processedByWorker.putAll(seen);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("count", workers.size());
		result.put("receiptsPerSecond", receipts);
		return result;
	}

	/** The fault {@code bin/lab fault} or a game day is injecting, if any. */
	private @Nullable Map<String, Object> fault() {
		Optional<CurrentFault> current = CurrentFault.read(this.paths);
		return current.<Map<String, Object>>map((fault) -> Map.of("name", fault.name(), "since", fault.since()))
			.orElse(null);
	}

	private static Optional<String> get(String url) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(800)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
