package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.example.shop.lab.host.LabPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scale", description = "Set how many instances a tier has, e.g. scale worker 3.")
public class ScaleCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", description = "web or worker")
	Tier tier;

	@Parameters(index = "1", description = "instances, 0 to 8")
	int count;

	@Override
	public Integer call() {
		new Topology(LabPaths.fromSystem(), out()).scale(this.tier.name(), this.count);
		out().printf("%s: %d instance(s) running%n", this.tier, this.count);
		return 0;
	}

	enum Tier {

		web, worker

	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	private PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

}
