package com.example.shop.lab.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The restored orders against the live primary's: which orders the live primary has that
 * the restore lost, and which the restore has that it should not.
 * <p>
 * An order counts only if it was created at least {@link #IN_FLIGHT} before the point the
 * restore reaches: an order's {@code created_at} is its transaction's start, and one that
 * started just before that point may have committed just after it, legitimately missing
 * from the restore.
 *
 * @param lost orders the live primary has, created in time, missing from the restore
 * @param unexpected orders in the restore created after the point it should stop at
 * @param compared how many live orders were created in time
 */
record OrderComparison(List<UUID> lost, List<UUID> unexpected, int compared) {

	/**
	 * Longer than any order's transaction ({@code OrderService.WRITE_TIMEOUT_SECONDS}, 2
	 * s), with room to spare.
	 */
	static final Duration IN_FLIGHT = Duration.ofSeconds(5);

	/**
	 * Compares.
	 * @param restored the restored orders and when each was created
	 * @param live the live primary's orders and when each was created
	 * @param reached the point the restore reaches: its target time, or for
	 * {@code latest} when the WAL was last archived
	 * @param target the target time, if there is one: a restore to {@code latest} may
	 * hold orders from after {@code reached}, one to a time may not
	 * @return the comparison
	 */
	static OrderComparison of(Map<UUID, Instant> restored, Map<UUID, Instant> live, Instant reached,
			RestoreTarget target) {
		Instant cutoff = cutoff(reached);
		Set<UUID> expected = live.entrySet()
			.stream()
			.filter((order) -> !order.getValue().isAfter(cutoff))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		List<UUID> lost = expected.stream().filter((id) -> !restored.containsKey(id)).sorted().toList();
		List<UUID> unexpected = restored.entrySet()
			.stream()
			.filter((order) -> !target.latest() && order.getValue().isAfter(reached))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		return new OrderComparison(lost, unexpected, expected.size());
	}

	static Instant cutoff(Instant reached) {
		return reached.minus(IN_FLIGHT);
	}

	boolean passed() {
		return this.lost.isEmpty() && this.unexpected.isEmpty();
	}

}
