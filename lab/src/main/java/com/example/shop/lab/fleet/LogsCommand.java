package com.example.shop.lab.fleet;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.standins.Postgres;
import com.example.shop.lab.standins.Tools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "logs",
		description = "Show a component's log (web-1, worker-1, db-a, sqs, s3, faults, load-balancer, ...),"
				+ " or list the logs.")
public class LogsCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", description = "the component")
	String component;

	@Option(names = { "-n", "--lines" }, defaultValue = "50",
			description = "lines from the end (default: ${DEFAULT-VALUE})")
	int lines;

	@Option(names = { "-f", "--follow" }, description = "keep printing new lines (Ctrl-C to stop)")
	boolean follow;

	@Override
	public Integer call() throws IOException {
		LabPaths paths = LabPaths.fromSystem();
		if (this.component == null) {
			try (Stream<Path> logs = Files.list(paths.logs())) {
				logs.map((log) -> log.getFileName().toString().replace(".log", "")).sorted().forEach(out()::println);
			}
			out().println("db-a\ndb-b");
			return 0;
		}
		Path log = this.component.startsWith("db-") ? databaseLog(paths) : paths.log(this.component);
		if (!Files.exists(log)) {
			throw new LabException("no log for " + this.component + " (" + log + ")");
		}
		List<String> command = this.follow ? List.of("tail", "-n", String.valueOf(this.lines), "-F", log.toString())
				: List.of("tail", "-n", String.valueOf(this.lines), log.toString());
		Launch.of(command).runInTerminal();
		return 0;
	}

	private Path databaseLog(LabPaths paths) {
		Tools tools = Tools.find().orElseThrow(() -> new LabException("PostgreSQL is not installed"));
		return new Postgres(paths, tools).log(DatabaseNode.PAIR.stream()
			.filter((node) -> node.name().equals(this.component))
			.findFirst()
			.orElseThrow(() -> new LabException("no database node " + this.component)));
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	private PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

}
