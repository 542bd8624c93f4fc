package com.example.shop.lab;

import java.io.PrintStream;
import java.io.PrintWriter;

import com.example.shop.lab.backup.BackupCommand;
import com.example.shop.lab.backup.RestoreCommand;
import com.example.shop.lab.bench.BenchCommand;
import com.example.shop.lab.deploy.DeployCommand;
import com.example.shop.lab.faults.FaultCommand;
import com.example.shop.lab.fleet.DownCommand;
import com.example.shop.lab.fleet.LogsCommand;
import com.example.shop.lab.fleet.ReplaceCommand;
import com.example.shop.lab.fleet.ScaleCommand;
import com.example.shop.lab.fleet.StatusCommand;
import com.example.shop.lab.fleet.UpCommand;
import com.example.shop.lab.gameday.GameDayCommand;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.load.LoadCommand;
import com.example.shop.lab.load.OrderCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code bin/lab}: runs the whole system on this machine. Each sub-command is a class of
 * its own in this package.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
		description = "Runs the orders system on this machine: load balancer, web and worker instances, "
				+ "a primary database with a synchronous standby, SQS and S3 stand-ins.",
		subcommands = { UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, ScaleCommand.class,
				OrderCommand.class, LoadCommand.class, FaultCommand.class, GameDayCommand.class, DeployCommand.class,
				BenchCommand.class, ReplaceCommand.class, BackupCommand.class, RestoreCommand.class })
public final class Lab implements Runnable {

	@Override
	public void run() {
		new CommandLine(this).usage(System.out);
	}

	public static void main(String[] args) {
		System.exit(execute(System.out, System.err, args));
	}

	/**
	 * Runs one lab command.
	 * @param out where the command prints
	 * @param err where errors go
	 * @param args the command line
	 * @return the exit code
	 */
	public static int execute(PrintStream out, PrintStream err, String... args) {
		CommandLine commandLine = new CommandLine(new Lab());
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			if (ex instanceof LabException) {
				line.getErr().println("lab: " + ex.getMessage());
				return 1;
			}
			throw ex;
		});
		return commandLine.execute(args);
	}

}
