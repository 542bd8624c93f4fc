package com.example.shop.lab.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.load.LoadJar;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.standins.FaultProxies;
import com.example.shop.lab.standins.QueueCeiling;

/**
 * How fast placed orders become receipts in S3, with 1, 2 or 4 workers and no artificial
 * work, against what the SQS server itself can hand out.
 * <p>
 * A batch of orders is placed through the load balancer while no worker runs, so that
 * their messages wait in the queue; then the workers start together, and the rate is read
 * from the orders' own {@code processed_at} times, leaving out the first tenth (processed
 * while the other workers were still starting). The reference is the SQS server's
 * receive-and-delete ceiling, from four clients through the same fault-proxy route the
 * workers use.
 */
final class PipelineBench {

	private static final Duration PROCESSED_TIMEOUT = Duration.ofMinutes(5);

	private final Topology topology;

	private final Path folder;

	private final PrintWriter out;

	PipelineBench(Topology topology, Path folder, PrintWriter out) {
		this.topology = topology;
		this.folder = folder;
		this.out = out;
	}

	/**
	 * The SQS server's own ceiling, through the same route the workers use.
	 * @param messages how many to send first, then receive and delete
	 * @return messages per second
	 */
	double sqsCeiling(int messages) {
		QueueCeiling.Result ceiling = new QueueCeiling(FaultProxies.sqsEndpoint()).measure(messages);
		this.out.printf("  SQS server: %d messages received and deleted in %.1f s: %.0f/s%n", ceiling.received(),
				ceiling.seconds(), ceiling.perSecond());
		return ceiling.perSecond();
	}

	/**
	 * Orders per second from the queue to receipts in S3 with this many workers.
	 * @param workers how many workers
	 * @param orders how many orders to place
	 * @param rate orders per second to place them at, one the web tier sustains
	 * @return the result
	 */
	PipelineStep withWorkers(int workers, int orders, int rate) {
		this.topology.scale("worker", 0);
		Path record = this.folder.resolve("pipeline-" + workers + ".jsonl");
		Duration placing = Duration.ofMillis(orders * 1000L / rate);
		LoadJar.of(this.topology.paths(), rate, placing, record)
			.start(this.out, "    ")
			.awaitEnd(placing.plus(Duration.ofSeconds(60)));
		PipelineStep step;
		List<UUID> placed = ClientRecord.read(record)
			.stream()
			.filter(ClientRecord::acknowledged)
			.map(ClientRecord::orderId)
			.toList();
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			if (!Await.until(Duration.ofSeconds(60), () -> probe.orders().outboxBacklog().orElse(-1) == 0)) {
				throw new LabException("the outbox relay did not send the placed orders within 60 s");
			}
			this.out.printf("  %d orders waiting in the queue; starting %d worker%s%n", placed.size(), workers,
					(workers == 1) ? "" : "s");
			this.topology.scale("worker", workers);
			if (!Await.until(PROCESSED_TIMEOUT, () -> probe.orders().processedTimes(placed).size() == placed.size())) {
				throw new LabException("the workers did not process the " + placed.size() + " orders within "
						+ PROCESSED_TIMEOUT.toMinutes() + " min");
			}
			step = PipelineStep.of(workers, probe.orders().processedTimes(placed));
		}
		this.out.printf("  %d worker%s: %.1f orders/s to a receipt in S3%n", workers, (workers == 1) ? "" : "s",
				step.ordersPerSecond());
		return step;
	}

	/**
	 * The pipeline with some number of workers.
	 *
	 * @param workers how many
	 * @param orders orders processed
	 * @param ordersPerSecond the rate, after the first tenth
	 */
	record PipelineStep(int workers, int orders, double ordersPerSecond) {

		/**
		 * The rate from processing times, leaving out the first tenth.
		 * @param workers how many workers
		 * @param processedAt when each order was processed, ascending, epoch ms
		 * @return the step
		 */
		static PipelineStep of(int workers, List<Long> processedAt) {
			int first = processedAt.size() / 10;
			int counted = processedAt.size() - 1 - first;
			long span = processedAt.getLast() - processedAt.get(first);
			double perSecond = (counted > 0) ? counted * 1000.0 / Math.max(1, span) : 0;
			return new PipelineStep(workers, processedAt.size(), perSecond);
		}

	}

}
