package com.example.shop.lab.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.process.Endpoints;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsStandIns;
import com.example.shop.lab.standins.DatabaseNodes;
import com.example.shop.lab.standins.FaultProxies;
import com.example.shop.lab.standins.LoadBalancer;
import com.example.shop.lab.standins.Postgres;
import com.example.shop.lab.standins.Tools;

/**
 * {@code bin/lab down}: stops everything the lab started, in the reverse order of
 * {@code up} (the replacer first, so it does not replace what is stopped next; the
 * instances all at once, each draining gracefully), and checks that no lab port is left
 * listening.
 */
public final class Teardown {

	private static final List<Integer> LAB_PORTS = List.of(Ports.LOAD_BALANCER, Ports.LOAD_BALANCER_STATS,
			Ports.DATABASE_A, Ports.DATABASE_B, Ports.SQS, Ports.S3, Ports.PROXY_DATABASE_A, Ports.PROXY_DATABASE_B,
			Ports.PROXY_SQS, Ports.PROXY_S3, Ports.MONITOR, Ports.S3_EXTRA, Ports.RESTORE);

	private final LabPaths paths;

	private final Topology topology;

	public Teardown(Topology topology) {
		this.paths = topology.paths();
		this.topology = topology;
	}

	/**
	 * Stops everything the lab started, and checks that nothing is left listening.
	 * @param purge also delete the lab's data
	 * @return the lab ports still in use afterwards, normally none
	 */
	/**
	 * Stops everything the lab started.
	 * @param purge also delete the lab's data
	 * @return the lab ports still in use afterwards, normally none
	 */
	public List<Integer> down(boolean purge) {
		LabState state = this.topology.state();
		// first, so that it does not replace the instances stopped next
		state.get("replacer").ifPresent((replacer) -> {
			Processes.stop(replacer.pid(), Duration.ofSeconds(10));
			state.remove("replacer");
		});
		Optional<Tools> tools = Tools.find();
		tools.ifPresent((found) -> new LoadBalancer(this.paths, found).down(state));
		// All instances at once: each takes a few seconds to shut down gracefully.
		state.components()
			.parallelStream()
			.filter((c) -> c.kind().equals("web") || c.kind().equals("worker"))
			.forEach((instance) -> this.topology.stopInstance(instance.name()));
		new FaultProxies(this.paths).down(state);
		new AwsStandIns(this.paths).down(state);
		Optional<DatabaseNodes> nodes = tools
			.map((found) -> new DatabaseNodes(this.paths, found, Secrets.loadOrCreate(this.paths)));
		nodes.ifPresent((pair) -> {
			pair.postgres().stopRestoredClusters();
			state.remove(DatabaseNode.RESTORED.name());
			new DatabasePair(this.paths, pair).down(state);
		});
		state.components().forEach((leftover) -> {
			Processes.stop(leftover.pid(), Duration.ofSeconds(10));
			state.remove(leftover.name());
		});
		if (purge) {
			nodes.ifPresent(DatabaseNodes::purge);
			Postgres.deleteTree(this.paths.state());
		}
		return listening();
	}

	/**
	 * The lab's ports that something listens on.
	 * @return none when no lab runs
	 */
	public static List<Integer> listening() {
		List<Integer> ports = new ArrayList<>(LAB_PORTS);
		IntStream.rangeClosed(1, Ports.MAX_INSTANCES).forEach((n) -> {
			ports.add(Ports.web(n));
			ports.add(Ports.webManagement(n));
			ports.add(Ports.worker(n));
		});
		return ports.stream().filter(Endpoints::isListening).toList();
	}

}
