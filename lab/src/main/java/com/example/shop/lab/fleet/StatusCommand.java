package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.example.shop.lab.host.LabPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
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
		StatusReport report = StatusReport.of(LabPaths.fromSystem());
		if (this.json) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("components", report.rows());
			document.put("databasePrimary", report.databasePrimary());
			document.put("queues", report.queues());
			out().println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));
		}
		else {
			print(report);
		}
		return report.healthy() ? 0 : 1;
	}

	private void print(StatusReport report) {
		if (report.rows().isEmpty()) {
			out().println("The lab is not running. Start it with: bin/lab up");
			return;
		}
		out().printf("%-14s %-4s %-8s %-6s %-8s %s%n", "COMPONENT", "ZONE", "PID", "PORT", "HEALTH", "DETAIL");
		report.rows()
			.forEach((row) -> out().printf("%-14s %-4s %-8d %-6d %-8s %s%n", row.name(), row.zone(), row.pid(),
					row.port(), row.healthy() ? "healthy" : "DOWN", row.detail()));
		out().println();
		out().println("database primary: " + report.databasePrimary());
		report.queues().forEach((queue, depth) -> out().println("queue " + queue + ": " + depth + " message(s)"));
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

}
