package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.standins.Database;
import org.jspecify.annotations.Nullable;

/**
 * RDS Multi-AZ's failover, and its recovery. The primary stops at once
 * ({@code pg_ctl -m immediate}: no shutdown checkpoint, every connection cut), the
 * standby is promoted and commits stop waiting for a standby; the instances find the new
 * primary through their multi-host URL. Healing rebuilds the old primary as a standby of
 * the new one (a fresh {@code pg_basebackup}) and makes commits wait for it again, so the
 * pair is redundant once more, the other way round.
 */
public final class DatabaseFailoverFault implements Fault {

	private final Topology topology;

	private volatile Database.@Nullable Node newPrimary;

	public DatabaseFailoverFault(Topology topology) {
		this.topology = topology;
	}

	@Override
	public String name() {
		return "db-failover";
	}

	@Override
	public Duration duration() {
		return Duration.ZERO;
	}

	@Override
	public void inject(PrintWriter out) {
		long start = System.nanoTime();
		Database.Node promoted = this.topology.database().failover(this.topology.state());
		this.newPrimary = promoted;
		out.printf(
				"db-failover: %s stopped with pg_ctl -m immediate, %s promoted in %d ms; commits do not wait "
						+ "for a standby until one is rebuilt%n",
				Database.other(promoted).name(), promoted.name(), millisSince(start));
	}

	@Override
	public void heal(PrintWriter out) {
		Database.Node primary = this.newPrimary;
		if (primary == null) {
			return;
		}
		long start = System.nanoTime();
		out.printf("db-failover: rebuilding %s as a standby of %s (pg_basebackup) ...%n",
				Database.other(primary).name(), primary.name());
		Database database = this.topology.database();
		Database.Node standby = database.rebuildStandby(primary, this.topology.state());
		out.printf(
				"db-failover: %s streams from %s and is synchronous again (%d ms); primary: %s, synchronous "
						+ "standbys: %d%n",
				standby.name(), primary.name(), millisSince(start), primary.name(), database.synchronousStandbys());
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
