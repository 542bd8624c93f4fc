package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.lab.fleet.DatabasePair;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Zones;
import com.example.shop.lab.probe.NodeRole;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.LoadBalancer;
import org.jspecify.annotations.Nullable;

/**
 * A whole Availability Zone fails at once: every web and worker instance in it dies
 * (SIGKILL), its web instances are cut from the load balancer, and its database node
 * stops ({@code pg_ctl -m immediate}). If that node was the primary, the standby in the
 * other zone is promoted, as RDS Multi-AZ fails over; if it was the standby, the primary
 * stops waiting for it on commit. The other zone carries everything with what it already
 * has: nothing is started there (static stability). When the zone comes back, the lab
 * rebuilds what it lost: a new standby there (a fresh {@code pg_basebackup}, synchronous
 * again), and its instances, in the same slots, so in the same zone.
 * <p>
 * The zone is named ({@code a}, {@code b}) or chosen by the role of its database node
 * ({@code primary}, {@code standby}), which is how the game day aims at "the zone with
 * the primary" whichever node that is by then.
 */
public final class AzOutageFault implements Fault {

	private final String target;

	private final Duration duration;

	private final Topology topology;

	private final boolean spreadWorkers;

	private volatile @Nullable String zone;

	private volatile @Nullable DatabaseNode lostNode;

	private volatile int workersBefore = -1;

	/**
	 * @param target a zone, or {@code primary} or {@code standby} for the zone of the
	 * database node in that role
	 * @param duration how long the zone is down
	 * @param topology the lab
	 * @param spreadWorkers whether to run at least one worker in each zone first, as
	 * static stability asks (the lab starts with one)
	 */
	public AzOutageFault(String target, Duration duration, Topology topology, boolean spreadWorkers) {
		this.target = (target.equals("primary") || target.equals("standby")) ? target : Zones.require(target);
		this.duration = duration;
		this.topology = topology;
		this.spreadWorkers = spreadWorkers;
	}

	@Override
	public String name() {
		return "az-outage";
	}

	@Override
	public Duration duration() {
		return this.duration;
	}

	@Override
	public void prepare(PrintWriter out) {
		int workers = this.topology.instanceCount("worker");
		if (this.spreadWorkers && workers < Zones.ALL.size()) {
			this.workersBefore = workers;
			out.printf("az-outage: starting workers until each zone has one (%d -> %d)%n", workers, Zones.ALL.size());
			this.topology.scale("worker", Zones.ALL.size());
		}
	}

	@Override
	public void inject(PrintWriter out) {
		DatabasePair database = this.topology.database();
		String failing = resolveZone();
		this.zone = failing;
		long start = System.nanoTime();
		List<String> killed = new ArrayList<>();
		List<Integer> cut = new ArrayList<>();
		LoadBalancer loadBalancer = this.topology.loadBalancer();
		for (int slot : this.topology.webSlots()) {
			if (Zones.ofSlot(slot).equals(failing)) {
				loadBalancer.setInService(slot, false);
				cut.add(slot);
			}
		}
		// read afresh: the replacer may have started instances since this lab was loaded
		for (LabState.Component instance : LabState.load(this.topology.paths()).components()) {
			boolean instanceKind = instance.kind().equals("web") || instance.kind().equals("worker");
			if (instanceKind && Zones.of(instance.name()).orElseThrow().equals(failing)
					&& Processes.kill(instance.pid())) {
				killed.add(instance.name());
			}
		}
		DatabaseNode node = DatabaseNode.inZone(failing);
		NodeRole role = role(node);
		String databaseLine;
		if (role == NodeRole.PRIMARY) {
			DatabaseNode promoted = database.failover(this.topology.state());
			databaseLine = "%s (primary) stopped, %s promoted in the other zone".formatted(node.name(),
					promoted.name());
		}
		else if (role == NodeRole.STANDBY) {
			DatabaseNode primary = database.loseStandby(node, this.topology.state());
			databaseLine = "%s (standby) stopped; %s commits without a standby until a new one streams"
				.formatted(node.name(), primary.name());
		}
		else {
			databaseLine = node.name() + " was already " + role;
		}
		this.lostNode = node;
		out.printf("az-outage: zone %s is down (%d ms): killed %s; cut from the load balancer: %s; %s%n", failing,
				Duration.ofNanos(System.nanoTime() - start).toMillis(), killed.isEmpty() ? "no instance" : killed,
				cut.stream().map((slot) -> "web-" + slot).toList(), databaseLine);
		out.printf("az-outage: zone %s carries the load alone with what it has; nothing is started there%n",
				Zones.ALL.stream().filter((other) -> !other.equals(failing)).findFirst().orElseThrow());
	}

	private String resolveZone() {
		if (!this.target.equals("primary") && !this.target.equals("standby")) {
			return this.target;
		}
		return DatabaseNode.PAIR.stream()
			.filter((node) -> role(node).toString().equals(this.target))
			.findFirst()
			.map((node) -> Zones.of(node.name()).orElseThrow())
			.orElseThrow(() -> new LabException("no database node is the " + this.target));
	}

	private NodeRole role(DatabaseNode node) {
		try (SystemProbe probe = SystemProbe.open(this.topology.paths())) {
			return probe.database().role(node);
		}
	}

	@Override
	public void heal(PrintWriter out) {
		String failed = this.zone;
		DatabaseNode node = this.lostNode;
		if (failed != null && node != null) {
			long start = System.nanoTime();
			DatabasePair database = this.topology.database();
			DatabaseNode primary = node.other();
			out.printf("az-outage: zone %s is back; rebuilding %s as a standby of %s (pg_basebackup) ...%n", failed,
					node.name(), primary.name());
			database.rebuildStandby(primary, this.topology.state());
			out.printf("az-outage: %s streams from %s and is synchronous again (%d ms)%n", node.name(), primary.name(),
					Duration.ofNanos(System.nanoTime() - start).toMillis());
		}
		if (failed != null) {
			long start = System.nanoTime();
			out.printf("az-outage: starting zone %s's instances again, in their slots ...%n", failed);
			List<String> started = this.topology.startDeadInstances();
			out.printf("az-outage: %s ready in zone %s (%d ms); the load balancer puts web instances back after 2 "
					+ "good checks%n", started, failed, Duration.ofNanos(System.nanoTime() - start).toMillis());
		}
		if (this.workersBefore >= 0) {
			this.topology.scale("worker", this.workersBefore);
			out.printf("az-outage: back to %d worker(s)%n", this.workersBefore);
		}
	}

}
