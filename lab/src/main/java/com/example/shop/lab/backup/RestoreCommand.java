package com.example.shop.lab.backup;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
		description = "Restore the newest base backup before a moment, with the WAL archive, into a separate cluster "
				+ "on :5435, and validate it; exit code 1 if the validation fails.")
public class RestoreCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--to", defaultValue = "latest",
			description = "latest, or an ISO-8601 time in UTC such as 2026-11-29T10:15:00Z (default: ${DEFAULT-VALUE})")
	String to;

	@Option(names = "--stop", description = "stop the restored cluster instead (its folder stays)")
	boolean stop;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		LabPaths paths = LabPaths.fromSystem();
		LabState state = LabState.load(paths);
		PointInTimeRestore restore = new PointInTimeRestore(paths);
		if (this.stop) {
			out.println(restore.stop(state) ? "restore: the restored cluster is stopped"
					: "restore: no restored cluster was running");
			return 0;
		}
		PointInTimeRestore.Outcome outcome = restore.run(RestoreTarget.parse(this.to), state, out);
		return outcome.report().passed() ? 0 : 1;
	}

}
