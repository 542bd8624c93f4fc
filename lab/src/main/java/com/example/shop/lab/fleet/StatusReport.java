package com.example.shop.lab.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.example.shop.deploy.Colour;
import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Zones;
import com.example.shop.lab.probe.NodeRole;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Endpoints;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsClients;

/**
 * What {@code bin/lab status} reports: each component the lab started, whether its
 * process runs and whether it does its job (an instance ready and what the load balancer
 * thinks of it, a database node's role, the fault proxy's routes), which node is primary,
 * and the depth of the queues.
 *
 * @param rows one per component, in the state's order
 * @param databasePrimary the node that is primary, or {@code none}
 * @param queues the depth of each queue, when the SQS server answers
 */
public record StatusReport(List<Row> rows, String databasePrimary, Map<String, Integer> queues) {

	/**
	 * Reads the lab's status now.
	 * @param paths the lab
	 * @return the report
	 */
	public static StatusReport of(LabPaths paths) {
		LabState state = LabState.load(paths);
		try (SystemProbe probe = SystemProbe.open(paths)) {
			Map<String, String> routing = routing(probe);
			List<Row> rows = new ArrayList<>();
			for (LabState.Component component : state.components()) {
				rows.add(row(component, routing, probe, paths));
			}
			String primary = rows.stream()
				.filter((row) -> row.detail().startsWith(NodeRole.PRIMARY.toString()))
				.map(Row::name)
				.findFirst()
				.orElse("none");
			return new StatusReport(rows, primary, queueDepths(state, probe));
		}
	}

	/**
	 * Whether every component does its job.
	 * @return {@code true} for a whole lab; {@code false} also when nothing runs
	 */
	public boolean healthy() {
		return !this.rows.isEmpty() && this.rows.stream().allMatch(Row::healthy);
	}

	private static Row row(LabState.Component component, Map<String, String> routing, SystemProbe probe,
			LabPaths paths) {
		boolean alive = Processes.isAlive(component.pid());
		String detail;
		boolean healthy;
		switch (component.kind()) {
			case "web", "worker" -> {
				healthy = alive && Instances.ready(component);
				detail = release(component, paths) + (healthy ? "ready" : "not ready")
						+ (routing.containsKey(component.name()) ? ", load balancer: " + routing.get(component.name())
								: "");
			}
			case "database" -> {
				NodeRole role = DatabaseNode.PAIR.stream()
					.filter((node) -> node.name().equals(component.name()))
					.findFirst()
					.map(probe.database()::role)
					.orElse(NodeRole.UNREACHABLE);
				healthy = alive && role.serving();
				detail = role + ((role == NodeRole.PRIMARY)
						? ", synchronous standbys: " + probe.database().synchronousStandbys() : "");
			}
			case "replacer" -> {
				healthy = alive;
				detail = !alive ? "not running"
						: Replacer.enabled(paths)
								? "replacing dead instances in their zone after " + Replacer.GRACE.toSeconds() + " s"
								: "off: dead instances stay dead (bin/lab replace on)";
			}
			case "faults" -> {
				String routes = alive ? faults(probe, paths) : "not running";
				healthy = alive && !routes.startsWith("no answer");
				detail = routes;
			}
			default -> {
				healthy = alive && Endpoints.isListening(component.port());
				detail = healthy ? "listening" : "not listening";
			}
		}
		return new Row(component.name(), component.kind(), Zones.of(component.name()).orElse(Zones.REGIONAL),
				component.pid(), component.port(), alive, healthy, detail);
	}

	/**
	 * A web instance's colour and release, e.g. {@code green v2, }; nothing for a worker.
	 */
	private static String release(LabState.Component component, LabPaths paths) {
		if (!component.kind().equals("web")) {
			return "";
		}
		Colour colour = WebColours.colourOf(Integer.parseInt(component.name().substring("web-".length())));
		return colour + " " + WebColours.load(paths).release(colour).version() + ", ";
	}

	/** The routes that are not passing traffic normally, or that all do. */
	private static String faults(SystemProbe probe, LabPaths paths) {
		try {
			List<String> active = probe.activeFaultRoutes()
				.stream()
				.map((line) -> line.substring(0, line.indexOf(" connections=")))
				.toList();
			return active.isEmpty() ? "routes db-a, db-b, sqs, s3: all pass" : "FAULT " + String.join("; ", active);
		}
		catch (LabException ex) {
			return "no answer on " + paths.faultsSocket();
		}
	}

	private static Map<String, String> routing(SystemProbe probe) {
		try {
			return probe.balancer().webStatus();
		}
		catch (LabException ex) {
			return Map.of();
		}
	}

	private static Map<String, Integer> queueDepths(LabState state, SystemProbe probe) {
		Map<String, Integer> depths = new LinkedHashMap<>();
		if (state.get("sqs").isEmpty() || !Endpoints.isListening(Ports.SQS)) {
			return depths;
		}
		Optional<Integer> queue = boxed(probe.queues().depth(AwsClients.QUEUE));
		Optional<Integer> deadLetters = boxed(probe.queues().depth(AwsClients.DLQ));
		if (queue.isPresent() && deadLetters.isPresent()) {
			depths.put(AwsClients.QUEUE, queue.get());
			depths.put(AwsClients.DLQ, deadLetters.get());
		}
		return depths;
	}

	private static Optional<Integer> boxed(OptionalInt value) {
		return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
	}

	/**
	 * One line of the status.
	 *
	 * @param name the component
	 * @param kind its kind
	 * @param zone its Availability Zone ({@link Zones}), {@code -} for a regional one
	 * @param pid its pid
	 * @param port its port
	 * @param alive whether its process runs
	 * @param healthy whether it does its job
	 * @param detail what else is known
	 */
	public record Row(String name, String kind, String zone, long pid, int port, boolean alive, boolean healthy,
			String detail) {
	}

}
