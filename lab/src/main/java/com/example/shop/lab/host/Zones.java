package com.example.shop.lab.host;

import java.util.List;
import java.util.Optional;

/**
 * The lab's Availability Zones, {@code a} and {@code b}, and which component lives in
 * which. Instances alternate by slot (odd slots in {@code a}, even in {@code b}), so any
 * two consecutive instances of a tier, blue's or green's, are spread over both zones, as
 * an Auto Scaling group balances its instances across its subnets. Each database node
 * lives in the zone its name says: {@code db-a} in {@code a}, {@code db-b} in {@code b},
 * as RDS Multi-AZ puts its standby in another zone than its primary. SQS, S3, the load
 * balancer and the lab's own processes are regional: they have no zone to lose.
 */
public final class Zones {

	public static final List<String> ALL = List.of("a", "b");

	/** What {@code bin/lab status} shows for a regional component. */
	public static final String REGIONAL = "-";

	private Zones() {
	}

	/**
	 * The zone of a component.
	 * @param name e.g. {@code web-3}, {@code worker-2}, {@code db-b}
	 * @return its zone, or empty for a regional component
	 */
	public static Optional<String> of(String name) {
		if (name.startsWith("web-") || name.startsWith("worker-")) {
			int slot = Integer.parseInt(name.substring(name.indexOf('-') + 1));
			return Optional.of(ofSlot(slot));
		}
		return DatabaseNode.PAIR.stream()
			.filter((node) -> node.name().equals(name))
			.findFirst()
			.map((node) -> node.name().substring("db-".length()));
	}

	/**
	 * The zone of an instance slot.
	 * @param slot 1-based
	 * @return {@code a} for odd slots, {@code b} for even ones
	 */
	public static String ofSlot(int slot) {
		return ALL.get((slot - 1) % ALL.size());
	}

	/**
	 * A zone the user named, checked.
	 * @param zone e.g. {@code a}
	 * @return the zone
	 * @throws LabException if the lab has no such zone
	 */
	public static String require(String zone) {
		if (!ALL.contains(zone)) {
			throw new LabException("no zone '" + zone + "'; the lab's zones are " + String.join(", ", ALL));
		}
		return zone;
	}

}
