package com.example.shop.lab;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the load generator (Gatling, open model: a fixed arrival rate, whatever the
 * latency) against the load balancer, in a JVM of its own, printing one line per second.
 */
@Command(name = "load", description = "Place orders through the load balancer at a fixed arrival rate, printing one "
		+ "line per second: sent, 2xx, errors by kind, p50/p99 latency.")
class LoadCommand implements Callable<Integer> {

	@Option(names = "--rate", required = true, description = "orders per second")
	int rate;

	@Option(names = "--duration", required = true, description = "how long, e.g. 30s or 2m")
	String duration;

	@Option(names = "--record", description = "write every request and its answer to this file (JSON lines)")
	String record;

	@Override
	public Integer call() {
		LabPaths paths = LabPaths.fromSystem();
		if (!Files.exists(paths.loadJar())) {
			throw new LabException(
					paths.loadJar() + " is missing; bin/lab builds it, or run ./mvnw -DskipTests package");
		}
		List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xmx512m", "-jar", paths.loadJar().toString(),
				"--target", "http://127.0.0.1:" + Ports.LOAD_BALANCER, "--rate", String.valueOf(this.rate),
				"--duration", this.duration));
		if (this.record != null) {
			command.addAll(List.of("--record", this.record));
		}
		Processes.runInTerminal(command);
		return 0;
	}

}
