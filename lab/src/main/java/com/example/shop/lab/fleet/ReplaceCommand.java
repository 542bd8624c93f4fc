package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.example.shop.lab.host.LabPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "replace",
		description = "Whether the lab replaces dead instances in their zone after " + "10 s, as an Auto Scaling "
				+ "group does: on (the default) or off, for a demo of the gap. Without an argument: which.")
public class ReplaceCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(arity = "0..1", paramLabel = "on|off", description = "on or off")
	Switch setting;

	@Override
	public Integer call() {
		LabPaths paths = LabPaths.fromSystem();
		if (this.setting != null) {
			Replacer.enable(paths, this.setting == Switch.on);
		}
		out().println(Replacer.enabled(paths)
				? "replacing dead instances: on (after " + Replacer.GRACE.toSeconds()
						+ " s, in the zone that lost them)"
				: "replacing dead instances: off (bin/lab replace on turns it back on)");
		return 0;
	}

	enum Switch {

		on, off

	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

}
