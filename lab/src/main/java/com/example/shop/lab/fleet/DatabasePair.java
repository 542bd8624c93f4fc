package com.example.shop.lab.fleet;

import java.time.Duration;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.probe.DatabaseProbe;
import com.example.shop.lab.probe.NodeRole;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.standins.DatabaseNodes;

/**
 * The lab's RDS Multi-AZ: two PostgreSQL nodes, {@code db-a} and {@code db-b}, one
 * primary and one synchronous streaming standby, so a commit is acknowledged only once it
 * is on both. The applications connect with a multi-host JDBC URL and
 * {@code targetServerType=primary}, so they find whichever node is primary. This class
 * decides what happens to which node, from what the nodes say they are (a
 * {@link SystemProbe} of its own for each operation); {@link DatabaseNodes} does each
 * step.
 */
public final class DatabasePair {

	private static final Duration SYNCHRONOUS_TIMEOUT = Duration.ofSeconds(60);

	private final LabPaths paths;

	private final DatabaseNodes nodes;

	DatabasePair(LabPaths paths, DatabaseNodes nodes) {
		this.paths = paths;
		this.nodes = nodes;
	}

	public DatabaseNodes nodes() {
		return this.nodes;
	}

	/**
	 * Starts both nodes, creating them on the first run: the primary from {@code initdb},
	 * the standby as a base backup of it. On later runs, whichever node is the primary on
	 * disk (the one without {@code standby.signal}) starts first, so the lab restarts the
	 * same way after a failover and a rebuild. Returns once the standby is streaming
	 * synchronously.
	 * @param state where to record the nodes' pids
	 */
	public void up(LabState state) {
		boolean fresh = this.nodes.fresh();
		if (fresh) {
			this.nodes.createPrimary(DatabaseNode.PAIR.getFirst());
		}
		this.nodes.archiveWal();
		DatabaseNode primary = this.nodes.primaryOnDisk();
		DatabaseNode standby = primary.other();
		this.nodes.start(primary, state);
		if (fresh) {
			this.nodes.createRolesAndDatabase(primary);
		}
		if (!this.nodes.initialized(standby)) {
			this.nodes.cloneStandby(primary, standby);
		}
		this.nodes.start(standby, state);
		requireSynchronousStandby(primary);
	}

	/**
	 * Stops both nodes (fast shutdown: sessions are closed, committed work is kept), the
	 * standby first.
	 * @param state where their pids are recorded
	 */
	public void down(LabState state) {
		for (DatabaseNode node : DatabaseNode.PAIR.reversed()) {
			this.nodes.stop(node, false, state);
		}
	}

	/**
	 * Fails over as RDS Multi-AZ does when the primary's host dies: the primary stops at
	 * once (no shutdown checkpoint, connections cut), the standby is promoted, and the
	 * new primary commits without waiting for a standby until one is rebuilt.
	 * @param state where the nodes are recorded
	 * @return the new primary
	 */
	public DatabaseNode failover(LabState state) {
		DatabaseNode primary;
		DatabaseNode standby;
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			primary = inRole(probe.database(), NodeRole.PRIMARY, "no primary to fail over from");
			standby = inRole(probe.database(), NodeRole.STANDBY, "no standby to fail over to");
		}
		this.nodes.stop(primary, true, state);
		this.nodes.promote(standby);
		this.nodes.waitForStandbyOnCommit(standby, false);
		return standby;
	}

	/**
	 * Loses the standby, as when its zone fails: it stops at once, and the primary stops
	 * waiting for it on commit, as RDS does while it replaces a Multi-AZ standby; until a
	 * new standby streams, a commit is on one node only.
	 * @param standby the standby
	 * @param state where the nodes are recorded
	 * @return the primary, now alone
	 */
	public DatabaseNode loseStandby(DatabaseNode standby, LabState state) {
		DatabaseNode primary = standby.other();
		requirePrimary(primary, "");
		this.nodes.stop(standby, true, state);
		this.nodes.waitForStandbyOnCommit(primary, false);
		return primary;
	}

	/**
	 * Turns the old primary, stopped by a failover, into a standby of the new one: its
	 * data folder is deleted and taken again as a base backup of the new primary, and
	 * commits wait for it again once it streams. This is what RDS does on its own after a
	 * Multi-AZ failover.
	 * @param primary the new primary
	 * @param state where the nodes are recorded
	 * @return the rebuilt standby
	 */
	public DatabaseNode rebuildStandby(DatabaseNode primary, LabState state) {
		requirePrimary(primary, "; nothing to rebuild a standby from");
		DatabaseNode standby = primary.other();
		// a second primary must not live on next to the new one
		this.nodes.stop(standby, true, state);
		this.nodes.deleteData(standby);
		this.nodes.cloneStandby(primary, standby);
		this.nodes.start(standby, state);
		requireSynchronousStandby(primary);
		return standby;
	}

	/**
	 * Makes the primary wait for a standby on commit, and waits until one streams
	 * synchronously.
	 */
	private void requireSynchronousStandby(DatabaseNode primary) {
		this.nodes.waitForStandbyOnCommit(primary, true);
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			if (!Await.until(SYNCHRONOUS_TIMEOUT, () -> probe.database().synchronousStandbys() > 0)) {
				throw new LabException(
						"the standby did not become synchronous; see bin/lab logs " + primary.other().name());
			}
		}
	}

	private void requirePrimary(DatabaseNode node, String consequence) {
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			if (probe.database().role(node) != NodeRole.PRIMARY) {
				throw new LabException(node.name() + " is not a running primary" + consequence);
			}
		}
	}

	private static DatabaseNode inRole(DatabaseProbe probe, NodeRole role, String otherwise) {
		return DatabaseNode.PAIR.stream()
			.filter((node) -> probe.role(node) == role)
			.findFirst()
			.orElseThrow(() -> new LabException(otherwise));
	}

}
