package com.example.shop.lab.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.lab.host.LabException;
import org.jspecify.annotations.Nullable;

/**
 * How a process is started: the one place where the lab builds a {@link ProcessBuilder}.
 * A launch names the command line and its environment, where output goes (a log file, or
 * a pipe the lab reads), whether the lab writes to its input ({@code /dev/null}
 * otherwise), and whether it runs in a session of its own ({@code setsid}: Ctrl-C in the
 * terminal does not reach it, and it is a scheduling group of its own) at a lower CPU
 * priority. It then ends in one of three ways: {@link #detach()} for a server that
 * outlives the command (stopped later by its pid, {@link Processes}), {@link #start()}
 * for a child the command owns and stops ({@link ChildProcess}), {@link #run(Duration)}
 * for a command that runs to completion.
 */
public final class Launch {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private static final Path NICE = Path.of("/usr/bin/nice");

	/** Under contention a niceness of 10 gets about a tenth of the CPU of 0. */
	private static final String LOW_PRIORITY = "10";

	private final List<String> command;

	private final Map<String, String> environment;

	private final @Nullable Path log;

	private final boolean append;

	private final boolean pipedInput;

	private final boolean ownSession;

	private final boolean lowPriority;

	private Launch(List<String> command, Map<String, String> environment, @Nullable Path log, boolean append,
			boolean pipedInput, boolean ownSession, boolean lowPriority) {
		if (command.isEmpty()) {
			throw new IllegalArgumentException("no command");
		}
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.log = log;
		this.append = append;
		this.pipedInput = pipedInput;
		this.ownSession = ownSession;
		this.lowPriority = lowPriority;
	}

	/**
	 * A launch of a command line, with no extra environment, its output in a pipe and
	 * {@code /dev/null} as its input.
	 * @param command the command line
	 * @return the launch
	 */
	public static Launch of(List<String> command) {
		return new Launch(command, Map.of(), null, false, false, false, false);
	}

	public Launch environment(Map<String, String> variables) {
		return new Launch(this.command, variables, this.log, this.append, this.pipedInput, this.ownSession,
				this.lowPriority);
	}

	/**
	 * Output and errors go to a file, replacing what it held.
	 * @param file the log
	 * @return the launch
	 */
	public Launch logTo(Path file) {
		return new Launch(this.command, this.environment, file, false, this.pipedInput, this.ownSession,
				this.lowPriority);
	}

	/**
	 * Output and errors are appended to a file, as a server's log across restarts.
	 * @param file the log
	 * @return the launch
	 */
	public Launch appendTo(Path file) {
		return new Launch(this.command, this.environment, file, true, this.pipedInput, this.ownSession,
				this.lowPriority);
	}

	/**
	 * The lab writes to the process's input ({@link ChildProcess#input()}).
	 * @return the launch
	 */
	public Launch pipedInput() {
		return new Launch(this.command, this.environment, this.log, this.append, true, this.ownSession,
				this.lowPriority);
	}

	/**
	 * In a session of its own: a Ctrl-C in the terminal does not reach it, and on Linux
	 * it is a scheduling group of its own (autogroup), so it gets its share of the CPU as
	 * a program on another machine would instead of splitting one share with every other
	 * command of the terminal.
	 * @return the launch
	 */
	public Launch ownSession() {
		return new Launch(this.command, this.environment, this.log, this.append, this.pipedInput, true,
				this.lowPriority);
	}

	/**
	 * At a lower CPU priority, in a session of its own: for what on AWS runs on machines
	 * of its own (the worker tier, SQS, S3) and here shares the cores with the web tier.
	 * A backlog there (receipts after a spike or an outage) would otherwise slow every
	 * order for as long as it lasts, which on AWS it cannot; at a lower priority it takes
	 * the cores the web tier leaves, all of them when the web tier is idle.
	 * @param low whether to lower the priority
	 * @return the launch
	 */
	public Launch lowPriority(boolean low) {
		return new Launch(this.command, this.environment, this.log, this.append, this.pipedInput,
				this.ownSession || low, low);
	}

	/**
	 * Starts a server that outlives the command: the lab records its pid and stops it
	 * later ({@link Processes#stop}).
	 * @return its pid
	 */
	public long detach() {
		return process().pid();
	}

	/**
	 * Starts a child that the command owns: stopped with the command if that is
	 * interrupted, and by the command when done.
	 * @return the child
	 */
	public ChildProcess start() {
		return new ChildProcess(process(), String.join(" ", this.command));
	}

	/**
	 * Runs the command to completion.
	 * @param timeout how long it may take
	 * @return its output and errors, if not sent to a log
	 * @throws LabException if it fails or times out, with its output
	 */
	public String run(Duration timeout) {
		try (ChildProcess child = start()) {
			String output = (this.log == null) ? child.readOutput() : "";
			if (!child.awaitExit(timeout)) {
				child.kill();
				throw new LabException(String.join(" ", this.command) + " did not finish within " + timeout);
			}
			if (child.exitValue() != 0) {
				throw new LabException(
						String.join(" ", this.command) + " failed (exit " + child.exitValue() + "):\n" + output);
			}
			return output;
		}
	}

	/**
	 * Runs the command in the user's terminal, so that sudo can ask for a password and
	 * the output appears as it comes.
	 * @throws LabException if it fails
	 */
	public void runInTerminal() {
		try {
			int exit = new ProcessBuilder(this.command).inheritIO().start().waitFor();
			if (exit != 0) {
				throw new LabException(String.join(" ", this.command) + " failed (exit " + exit + ")");
			}
		}
		catch (IOException ex) {
			throw new LabException("could not run " + this.command.getFirst() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted while running " + this.command.getFirst());
		}
	}

	private Process process() {
		List<String> line = new ArrayList<>();
		if (this.ownSession && Files.isExecutable(SETSID)) {
			line.add(SETSID.toString());
		}
		if (this.lowPriority && Files.isExecutable(NICE)) {
			line.addAll(List.of(NICE.toString(), "-n", LOW_PRIORITY));
		}
		line.addAll(this.command);
		ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
		if (!this.pipedInput) {
			builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		}
		if (this.log != null) {
			builder.redirectOutput(this.append ? ProcessBuilder.Redirect.appendTo(this.log.toFile())
					: ProcessBuilder.Redirect.to(this.log.toFile()));
		}
		builder.environment().putAll(this.environment);
		try {
			Process process = builder.start();
			if (this.lowPriority && this.ownSession) {
				lowerSessionPriority(process.pid());
			}
			return process;
		}
		catch (IOException ex) {
			throw new LabException("could not start " + this.command.getFirst() + ": " + ex.getMessage());
		}
	}

	/**
	 * On Linux every session ({@code setsid}) is a scheduling group of its own
	 * (autogroup), and groups share the CPU equally whatever their processes' niceness:
	 * the group's own niceness is what counts. Lowering one's own priority needs no
	 * privilege. Where there is no autogroup, {@code nice} did the job.
	 */
	private static void lowerSessionPriority(long pid) {
		Path autogroup = Path.of("/proc", String.valueOf(pid), "autogroup");
		if (!Files.isWritable(autogroup) || !Await.until(Duration.ofSeconds(2), () -> leadsItsSession(pid))) {
			return;
		}
		try {
			Files.writeString(autogroup, LOW_PRIORITY);
		}
		catch (IOException ex) {
			// autogroup switched off or the process already gone: nice still applies
		}
	}

	/**
	 * Whether {@code setsid} has made the process a session of its own: until then its
	 * autogroup is the lab command's, which must keep its priority.
	 */
	private static boolean leadsItsSession(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return fields[3].equals(String.valueOf(pid));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

}
