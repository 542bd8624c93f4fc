package com.example.shop.lab.gameday.report;

/**
 * One look at the system from inside, taken once a second while a scenario runs. The
 * client records say what customers saw; these say why: whether the load balancer still
 * had instances to send traffic to, and where orders piled up while a dependency was
 * down. They live here, beside the client records, because the report charts them under
 * the timeline and the verdicts are built from both. A value that could not be read (the
 * database is cut, on purpose) is {@link #UNKNOWN}, so that a gap reads as a gap rather
 * than as zero.
 *
 * @param at when the sample was taken, epoch milliseconds
 * @param inService web instances the load balancer has in service (passing their health
 * checks, so it sends them traffic), or {@link #UNKNOWN}
 * @param outboxPending events waiting in the transactional outbox to be sent to the
 * queue, or {@link #UNKNOWN}
 * @param queueDepth messages in the orders queue, visible or in flight (received by a
 * worker, not yet deleted), or {@link #UNKNOWN}
 */
public record SystemSample(long at, int inService, int outboxPending, int queueDepth) {

	/** The value of a number that could not be read. */
	public static final int UNKNOWN = -1;

}
