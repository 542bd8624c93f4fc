package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.example.shop.deploy.Colour;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.host.Tools;
import com.example.shop.lab.host.Zones;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.Database;
import com.example.shop.lab.standins.FaultProxies;
import com.example.shop.lab.standins.LoadBalancer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "status",
		description = "Each component: pid, port, healthy or not; the primary database node; " + "queue and DLQ depth.")
public class StatusCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--json", description = "print JSON, for programs")
	boolean json;

	@Override
	public Integer call() {
		LabPaths paths = LabPaths.fromSystem();
		LabState state = LabState.load(paths);
		Map<String, String> routing = routing(paths);
		Optional<Database> database = Tools.find()
			.map((tools) -> new Database(paths, tools, Secrets.loadOrCreate(paths)));
		List<Row> rows = new ArrayList<>();
		for (LabState.Component component : state.components()) {
			rows.add(row(component, routing, database, paths));
		}
		Map<String, Integer> queues = queueDepths(state);
		String primary = rows.stream()
			.filter((row) -> row.detail().startsWith("primary"))
			.map(Row::name)
			.findFirst()
			.orElse("none");
		if (this.json) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("components", rows);
			document.put("databasePrimary", primary);
			document.put("queues", queues);
			out().println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));
		}
		else {
			print(rows, primary, queues);
		}
		return rows.stream().allMatch(Row::healthy) && !rows.isEmpty() ? 0 : 1;
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

	private static Row row(LabState.Component component, Map<String, String> routing, Optional<Database> database,
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
				String role = database
					.flatMap((db) -> Database.NODES.stream()
						.filter((node) -> node.name().equals(component.name()))
						.findFirst()
						.map(db::role))
					.orElse("unknown");
				healthy = alive && (role.equals("primary") || role.equals("standby"));
				detail = role + (role.equals("primary")
						? ", synchronous standbys: " + database.map(Database::synchronousStandbys).orElse(0) : "");
			}
			case "replacer" -> {
				healthy = alive;
				detail = !alive ? "not running"
						: Replacer.enabled(paths)
								? "replacing dead instances in their zone after " + Replacer.GRACE.toSeconds() + " s"
								: "off: dead instances stay dead (bin/lab replace on)";
			}
			case "faults" -> {
				String routes = alive ? faults(paths) : "not running";
				healthy = alive && !routes.startsWith("no answer");
				detail = routes;
			}
			default -> {
				healthy = alive && Processes.isListening(component.port());
				detail = healthy ? "listening" : "not listening";
			}
		}
		return new Row(component.name(), component.kind(), Zones.of(component.name()).orElse(Zones.REGIONAL),
				component.pid(), component.port(), alive, healthy, detail);
	}

	/** The routes that are not passing traffic normally, or that all do. */
	private static String faults(LabPaths paths) {
		try {
			List<String> active = new FaultProxies(paths).status()
				.lines()
				.filter((line) -> !line.contains(" pass "))
				.map((line) -> line.substring(0, line.indexOf(" connections=")))
				.toList();
			return active.isEmpty() ? "routes db-a, db-b, sqs, s3: all pass" : "FAULT " + String.join("; ", active);
		}
		catch (LabException ex) {
			return "no answer on " + paths.faultsSocket();
		}
	}

	private static Map<String, String> routing(LabPaths paths) {
		try {
			return Tools.find().map((tools) -> new LoadBalancer(paths, tools).webStatus()).orElse(Map.of());
		}
		catch (LabException ex) {
			return Map.of();
		}
	}

	private static Map<String, Integer> queueDepths(LabState state) {
		Map<String, Integer> depths = new LinkedHashMap<>();
		if (state.get("sqs").isEmpty() || !Processes.isListening(Ports.SQS)) {
			return depths;
		}
		try (SqsClient sqs = AwsClients.sqs()) {
			depths.put(AwsClients.QUEUE, AwsClients.depth(sqs, AwsClients.QUEUE));
			depths.put(AwsClients.DLQ, AwsClients.depth(sqs, AwsClients.DLQ));
		}
		catch (RuntimeException ex) {
			// the queue server is starting or failing; status shows it as such
		}
		return depths;
	}

	private void print(List<Row> rows, String primary, Map<String, Integer> queues) {
		if (rows.isEmpty()) {
			out().println("The lab is not running. Start it with: bin/lab up");
			return;
		}
		out().printf("%-14s %-4s %-8s %-6s %-8s %s%n", "COMPONENT", "ZONE", "PID", "PORT", "HEALTH", "DETAIL");
		rows.forEach((row) -> out().printf("%-14s %-4s %-8d %-6d %-8s %s%n", row.name(), row.zone(), row.pid(),
				row.port(), row.healthy() ? "healthy" : "DOWN", row.detail()));
		out().println();
		out().println("database primary: " + primary);
		queues.forEach((queue, depth) -> out().println("queue " + queue + ": " + depth + " message(s)"));
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
	record Row(String name, String kind, String zone, long pid, int port, boolean alive, boolean healthy,
			String detail) {
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	private PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

}
