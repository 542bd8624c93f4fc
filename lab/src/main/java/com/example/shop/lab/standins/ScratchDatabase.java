package com.example.shop.lab.standins;

import java.nio.file.Path;
import java.util.List;

import com.example.shop.lab.host.DatabaseNode;

/**
 * A scratch database beside {@code orders}, with the orders schema, its indexes and
 * constraints and the product catalogue, but none of the orders: what a benchmark writes
 * into without touching the real orders, on the same primary and replicated to the same
 * synchronous standby.
 */
public final class ScratchDatabase {

	private final Postgres postgres;

	private final String name;

	/**
	 * @param postgres the lab's PostgreSQL
	 * @param name the scratch database, e.g. {@code orders_bench}
	 */
	public ScratchDatabase(Postgres postgres, String name) {
		this.postgres = postgres;
		this.name = name;
	}

	/**
	 * Creates (or re-creates) the scratch database as a copy of the schema.
	 * @param primary the running primary
	 */
	public void create(DatabaseNode primary) {
		Path dump = this.postgres.sockets().resolve(this.name + ".sql");
		this.postgres.asOwner(
				List.of(this.postgres.program("pg_dump").toString(), "-h", this.postgres.sockets().toString(), "-p",
						String.valueOf(primary.port()), "-U", "postgres", "-d", "orders", "--exclude-table-data=orders",
						"--exclude-table-data=order_lines", "--exclude-table-data=outbox", "-f", dump.toString()));
		drop(primary);
		this.postgres.query(primary, "postgres", "CREATE DATABASE " + this.name + " OWNER orders");
		this.postgres.asOwner(List.of(this.postgres.program("psql").toString(), "-h",
				this.postgres.sockets().toString(), "-p", String.valueOf(primary.port()), "-U", "postgres", "-d",
				this.name, "-qX", "-v", "ON_ERROR_STOP=1", "-f", dump.toString()));
	}

	/**
	 * Drops the scratch database, if it exists.
	 * @param primary the running primary
	 */
	public void drop(DatabaseNode primary) {
		this.postgres.query(primary, "postgres", "DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

}
