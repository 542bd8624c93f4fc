package com.example.shop.load;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The command line:
 * {@code java -jar load.jar --rate 50 --duration 30s --record run.jsonl}. It prints one
 * line per second and a summary, and exits 0 whatever the server answered (the numbers
 * are the result); 2 for a command line it cannot run, 1 when Gatling itself fails or the
 * record file cannot be completed.
 */
public final class LoadGenerator {

	private LoadGenerator() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs one load run, printing to {@code out} and {@code err}; returns the exit code.
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		if (List.of(args).contains("--help")) {
			out.println(LoadOptions.USAGE);
			return 0;
		}
		LoadOptions options;
		OutcomeLog log;
		try {
			options = LoadOptions.parse(args);
			log = OutcomeLog.open(options.record());
		}
		catch (InvalidOptionException ex) {
			err.println("load: " + ex.getMessage());
			return 2;
		}
		catch (IOException ex) {
			err.println("load: cannot write the --record file: " + ex.getMessage());
			return 2;
		}
		return run(options, log, out, err);
	}

	private static int run(LoadOptions options, OutcomeLog log, PrintStream out, PrintStream err) {
		LiveStats stats = new LiveStats();
		SecondReporter reporter = new SecondReporter(stats, log, out, options.quiet());
		Run.begin(new Run(options, stats, log, reporter));
		try (log) {
			int gatling = GatlingEngine.run(OrdersSimulation.class);
			reporter.stop();
			if (gatling != 0) {
				err.println("load: Gatling could not run the simulation (exit code " + gatling + ")");
				return 1;
			}
			out.println(stats.total().summaryLine());
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			err.println("load: " + describe(ex));
			return 1;
		}
		finally {
			reporter.stop();
			Run.end();
		}
	}

	private static String describe(Exception ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return (ex.getCause() != null) ? message + ": " + ex.getCause().getMessage() : message;
	}

}
