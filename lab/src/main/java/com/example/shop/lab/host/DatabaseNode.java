package com.example.shop.lab.host;

import java.util.List;

/**
 * One PostgreSQL the lab runs: {@code db-a} and {@code db-b}, the pair that stands in for
 * RDS Multi-AZ (one primary, one synchronous standby, whichever is which right now), or
 * {@code db-restore}, a cluster restored from the backups beside them.
 *
 * @param name its name, which is also its zone's: {@code db-a} lives in zone {@code a}
 * @param port its port on 127.0.0.1
 */
public record DatabaseNode(String name, int port) {

	/** The pair, in a fixed order: the lab's first primary comes first. */
	public static final List<DatabaseNode> PAIR = List.of(new DatabaseNode("db-a", Ports.DATABASE_A),
			new DatabaseNode("db-b", Ports.DATABASE_B));

	/** The cluster {@code bin/lab restore} restores into, never one of the pair. */
	public static final DatabaseNode RESTORED = new DatabaseNode("db-restore", Ports.RESTORE);

	/**
	 * The other node of the pair.
	 * @return the other
	 */
	public DatabaseNode other() {
		return PAIR.stream().filter((candidate) -> !candidate.equals(this)).findFirst().orElseThrow();
	}

	/**
	 * The node of the pair in a zone.
	 * @param zone {@code a} or {@code b}
	 * @return {@code db-a} or {@code db-b}
	 * @throws LabException if the lab has no node there
	 */
	public static DatabaseNode inZone(String zone) {
		return PAIR.stream()
			.filter((node) -> node.name().equals("db-" + zone))
			.findFirst()
			.orElseThrow(() -> new LabException("no database node in zone " + zone));
	}

	/**
	 * The name a standby gives itself when it connects to its primary, as
	 * {@code synchronous_standby_names} and {@code pg_stat_replication} see it.
	 * @return e.g. {@code db_a}
	 */
	public String applicationName() {
		return this.name.replace('-', '_');
	}

}
