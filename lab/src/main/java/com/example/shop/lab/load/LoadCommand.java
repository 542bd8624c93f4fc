package com.example.shop.lab.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.example.shop.lab.cli.DurationConverter;
import com.example.shop.lab.host.LabPaths;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the load generator (Gatling, open model: a fixed arrival rate, whatever the
 * latency) against the load balancer, in a JVM of its own, printing one line per second.
 */
@Command(name = "load", description = "Place orders through the load balancer at a fixed arrival rate, printing one "
		+ "line per second: sent, 2xx, errors by kind, p50/p99 latency.")
public class LoadCommand implements Callable<Integer> {

	@Option(names = "--rate", required = true, description = "orders per second")
	int rate;

	@Option(names = "--duration", required = true, converter = DurationConverter.class,
			description = "how long, e.g. 30s or 2m")
	Duration duration;

	@Option(names = "--record", description = "write every request and its answer to this file (JSON lines)")
	@Nullable Path record;

	@Override
	public Integer call() {
		LoadJar.of(LabPaths.fromSystem(), this.rate, this.duration, this.record).runInTerminal();
		return 0;
	}

}
