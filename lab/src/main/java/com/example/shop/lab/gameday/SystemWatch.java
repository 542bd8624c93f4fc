package com.example.shop.lab.gameday;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.report.SystemSample;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.Database;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the system looked like, once a second, while a game day's scenario ran: how many
 * web instances the load balancer had in service, how many events waited in the outbox
 * and how many messages in the queue. Some verdicts need this view from inside (did the
 * load balancer keep every instance during a database outage?), which the client-side
 * records cannot give. A sample that cannot be taken (the database is cut, on purpose) is
 * recorded as unknown, {@link SystemSample#UNKNOWN}.
 */
public final class SystemWatch implements AutoCloseable {

	private final Topology topology;

	private final Secrets secrets;

	private final List<SystemSample> samples = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean watching = true;

	private SystemWatch(Topology topology) {
		this.topology = topology;
		this.secrets = Secrets.loadOrCreate(topology.paths());
		this.thread = Thread.ofVirtual().name("game-day-watch").start(this::watch);
	}

	static SystemWatch start(Topology topology) {
		return new SystemWatch(topology);
	}

	/**
	 * The samples so far.
	 * @return one per second, oldest first
	 */
	List<SystemSample> samples() {
		return List.copyOf(this.samples);
	}

	@Override
	public void close() {
		this.watching = false;
		try {
			this.thread.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void watch() {
		try (SqsClient sqs = AwsClients.sqs()) {
			while (this.watching) {
				long at = System.currentTimeMillis();
				this.samples.add(new SystemSample(at, inService(), outboxPending(this.secrets), queueDepth(sqs)));
				Processes.sleep(Duration.ofMillis(Math.max(0, 1000 - (System.currentTimeMillis() - at))));
			}
		}
	}

	private int inService() {
		try {
			Map<String, String> status = this.topology.loadBalancer().webStatus();
			return (int) status.values().stream().filter((state) -> state.startsWith("UP")).count();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Events not yet sent to SQS, straight from the database (not through the fault
	 * proxy, which may be cutting it).
	 * @param secrets the lab's passwords
	 * @return the count, or -1 if the database did not answer
	 */
	public static int outboxPending(Secrets secrets) {
		try (Connection db = DriverManager.getConnection(Database.jdbcUrl() + "&connectTimeout=2&socketTimeout=5",
				"orders", secrets.databasePassword());
				Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	/**
	 * Waits until the outbox and the orders queue have been empty twice in a row, a
	 * second apart: every order placed so far has been handed to a worker and processed.
	 * @param secrets the database password
	 * @param timeout how long to wait at most
	 * @return how long it took, or {@code null} if they did not empty in time
	 */
	public static @Nullable Duration awaitDrained(Secrets secrets, Duration timeout) {
		long start = System.nanoTime();
		Duration took = Duration.ZERO;
		int quiet = 0;
		while (quiet < 2 && took.compareTo(timeout) < 0) {
			boolean empty = outboxPending(secrets) == 0 && queueDepth() == 0;
			quiet = empty ? quiet + 1 : 0;
			if (quiet < 2) {
				Processes.sleep(Duration.ofSeconds(1));
			}
			took = Duration.ofNanos(System.nanoTime() - start);
		}
		return (quiet >= 2) ? took : null;
	}

	/**
	 * Messages in the orders queue, visible or in flight.
	 * @return the count, or -1 if SQS did not answer
	 */
	static int queueDepth() {
		try (SqsClient sqs = AwsClients.sqs()) {
			return queueDepth(sqs);
		}
	}

	private static int queueDepth(SqsClient sqs) {
		try {
			return AwsClients.depth(sqs, AwsClients.QUEUE);
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

}
