package com.example.shop.lab;

import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
	static int execute(PrintStream out, PrintStream err, String... args) {
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
