package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.probe.SystemProbe;
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

	private volatile @Nullable DatabaseNode newPrimary;

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
		DatabaseNode promoted = this.topology.database().failover(this.topology.state());
		this.newPrimary = promoted;
		out.printf(
				"db-failover: %s stopped with pg_ctl -m immediate, %s promoted in %d ms; commits do not wait "
						+ "for a standby until one is rebuilt%n",
				promoted.other().name(), promoted.name(), millisSince(start));
	}

	@Override
	public void heal(PrintWriter out) {
		DatabaseNode primary = this.newPrimary;
		if (primary == null) {
			return;
		}
		long start = System.nanoTime();
		out.printf("db-failover: rebuilding %s as a standby of %s (pg_basebackup) ...%n", primary.other().name(),
				primary.name());
		DatabaseNode standby = this.topology.database().rebuildStandby(primary, this.topology.state());
		int synchronous;
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			synchronous = probe.database().synchronousStandbys();
		}
		out.printf(
				"db-failover: %s streams from %s and is synchronous again (%d ms); primary: %s, synchronous "
						+ "standbys: %d%n",
				standby.name(), primary.name(), millisSince(start), primary.name(), synchronous);
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
