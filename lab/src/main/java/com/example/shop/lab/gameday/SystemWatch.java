package com.example.shop.lab.gameday;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.example.shop.lab.gameday.report.SystemSample;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.standins.AwsClients;

/**
 * What the system looked like, once a second, while a game day's scenario ran: how many
 * web instances the load balancer had in service, how many events waited in the outbox
 * and how many messages in the queue. Some verdicts need this view from inside (did the
 * load balancer keep every instance during a database outage?), which the client-side
 * records cannot give. A sample that cannot be taken (the database is cut, on purpose) is
 * recorded as unknown, {@link SystemSample#UNKNOWN}.
 */
final class SystemWatch implements AutoCloseable {

	private final SystemProbe probe;

	private final List<SystemSample> samples = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean watching = true;

	private SystemWatch(LabPaths paths) {
		this.probe = SystemProbe.open(paths);
		this.thread = Thread.ofVirtual().name("game-day-watch").start(this::watch);
	}

	static SystemWatch start(LabPaths paths) {
		return new SystemWatch(paths);
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
		this.probe.close();
	}

	private void watch() {
		while (this.watching) {
			long at = System.currentTimeMillis();
			int inService = this.probe.balancer().inService();
			int outbox = (int) this.probe.orders().outboxBacklog().orElse(SystemSample.UNKNOWN);
			int queue = this.probe.queues().depth(AwsClients.QUEUE).orElse(SystemSample.UNKNOWN);
			this.samples.add(new SystemSample(at, inService, outbox, queue));
			Await.sleep(Duration.ofMillis(Math.max(0, 1000 - (System.currentTimeMillis() - at))));
		}
	}

}
