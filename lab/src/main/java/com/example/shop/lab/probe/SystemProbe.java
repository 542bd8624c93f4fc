package com.example.shop.lab.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.DatabaseNodes;
import com.example.shop.lab.standins.FaultProxies;
import com.example.shop.lab.standins.Tools;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the lab reads the running system's state, from its own vantage
 * points and never through the fault proxy: the database nodes and what the orders schema
 * holds, the queues, the receipts bucket, the load balancer's view of the instances, the
 * fault proxy's routes and what the workers logged. The monitor behind the dashboard,
 * {@code bin/lab status}, the game day's watch, health check and audit, the bench, the
 * restore's validation and the faults that need to look before they act all read through
 * it, so each question is asked one way. Its connections are its own and kept until
 * {@link #close()}: the monitor keeps one probe for its life, a command one for its run.
 */
public final class SystemProbe implements AutoCloseable {

	/** The worker's log line for the one transition of an order to PROCESSED. */
	private static final Pattern PROCESSED = Pattern.compile("Order ([0-9a-f-]{36}) processed, receipt at");

	private final LabPaths paths;

	private final DatabaseProbe database;

	private final OrdersProbe orders;

	private final QueueProbe queues = new QueueProbe();

	private final BucketProbe bucket = new BucketProbe();

	private final BalancerProbe balancer;

	private SystemProbe(LabPaths paths) {
		this.paths = paths;
		Secrets secrets = Secrets.loadOrCreate(paths);
		this.database = new DatabaseProbe(secrets,
				Tools.find().map((tools) -> new DatabaseNodes(paths, tools, secrets)).orElse(null));
		this.orders = new OrdersProbe(this.database);
		this.balancer = new BalancerProbe(paths);
	}

	/**
	 * A probe of the lab at these paths.
	 * @param paths the lab
	 * @return the probe, to be closed
	 */
	public static SystemProbe open(LabPaths paths) {
		return new SystemProbe(paths);
	}

	public DatabaseProbe database() {
		return this.database;
	}

	public OrdersProbe orders() {
		return this.orders;
	}

	public QueueProbe queues() {
		return this.queues;
	}

	public BucketProbe bucket() {
		return this.bucket;
	}

	public BalancerProbe balancer() {
		return this.balancer;
	}

	/**
	 * The fault proxy's routes that do not pass traffic normally right now.
	 * @return one line per cut or slowed route, e.g.
	 * {@code db-a cut for 8123 ms connections=3}; none when all pass
	 * @throws com.example.shop.lab.host.LabException if the proxy does not answer
	 */
	public List<String> activeFaultRoutes() {
		return new FaultProxies(this.paths).status()
			.lines()
			.filter((line) -> !line.isBlank() && !line.contains(" pass "))
			.toList();
	}

	/**
	 * How many times each order moved to PROCESSED, from every worker's log (the logs
	 * outlive the workers: a killed worker's log is still there).
	 * @return the count of each order that moved at least once
	 */
	public Map<UUID, Integer> processedTransitions() {
		Map<UUID, Integer> counts = new HashMap<>();
		try (Stream<Path> logs = Files.list(this.paths.logs())) {
			for (Path log : logs.filter((file) -> file.getFileName().toString().startsWith("worker-")).toList()) {
				try (Stream<String> lines = Files.lines(log)) {
					lines.forEach((line) -> {
						Matcher matcher = PROCESSED.matcher(line);
						if (matcher.find()) {
							counts.merge(UUID.fromString(matcher.group(1)), 1, Integer::sum);
						}
					});
				}
			}
			return counts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until the outbox and the orders queue have been empty twice in a row, a
	 * second apart: every order placed so far has been handed to a worker and processed.
	 * @param timeout how long to wait at most
	 * @return how long it took, or {@code null} if they did not empty in time
	 */
	public @Nullable Duration awaitDrained(Duration timeout) {
		long start = System.nanoTime();
		Duration took = Duration.ZERO;
		int quiet = 0;
		while (quiet < 2 && took.compareTo(timeout) < 0) {
			boolean empty = this.orders.outboxBacklog().orElse(-1) == 0
					&& this.queues.depth(AwsClients.QUEUE).orElse(-1) == 0;
			quiet = empty ? quiet + 1 : 0;
			if (quiet < 2) {
				Await.sleep(Duration.ofSeconds(1));
			}
			took = Duration.ofNanos(System.nanoTime() - start);
		}
		return (quiet >= 2) ? took : null;
	}

	@Override
	public void close() {
		this.database.close();
		this.queues.close();
		this.bucket.close();
	}

}
