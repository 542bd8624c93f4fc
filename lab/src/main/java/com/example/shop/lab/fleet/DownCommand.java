package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.example.shop.lab.host.LabPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "down", description = "Stop every process the lab started and check that nothing is left listening.")
public class DownCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--purge", description = "also delete the lab's data (.lab/: database, queues, bucket, logs)")
	boolean purge;

	@Override
	public Integer call() {
		List<Integer> stillListening = new Teardown(new Topology(LabPaths.fromSystem(), out())).down(this.purge);
		if (!stillListening.isEmpty()) {
			err().println("lab: still listening on " + stillListening + " (not necessarily the lab's)");
			return 1;
		}
		out().println(this.purge ? "The lab is down and its data is deleted." : "The lab is down.");
		return 0;
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	private PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

}
