package com.example.shop.lab.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.example.shop.lab.host.LabException;

/**
 * Starts, watches and stops the lab's processes. A server is started in a session of its
 * own ({@code setsid}), with its output in a log file, so it keeps running after
 * {@code bin/lab} exits and a Ctrl-C in the terminal does not reach it; it is stopped by
 * the pid the lab recorded.
 */
public final class Processes {

	private static final Path NICE = Path.of("/usr/bin/nice");

	/** Under contention a niceness of 10 gets about a tenth of the CPU of 0. */
	private static final String LOW_PRIORITY = "10";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Processes() {
	}

	/**
	 * Starts a long-running server in the background.
	 * @param command the command line
	 * @param environment extra environment variables
	 * @param log where its output goes (appended)
	 * @return its pid
	 */
	public static long startDetached(List<String> command, Map<String, String> environment, Path log) {
		return startDetached(command, environment, log, false);
	}

	/**
	 * Starts a long-running server in the background, at a lower CPU priority if asked:
	 * for what on AWS runs on machines of its own (the worker tier, SQS, S3) and here
	 * shares the cores with the web tier. A backlog there (receipts after a spike or an
	 * outage) would otherwise slow every order for as long as it lasts, which on AWS it
	 * cannot; at a lower priority it takes the cores the web tier leaves, all of them
	 * when the web tier is idle.
	 * @param command the command line
	 * @param environment extra environment variables
	 * @param log where its output goes (appended)
	 * @param lowPriority whether to lower its CPU priority
	 * @return its pid
	 */
	public static long startDetached(List<String> command, Map<String, String> environment, Path log, boolean lowPriority) {
		List<String> line = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
			line.add("/usr/bin/setsid");
		}
		if (lowPriority && Files.isExecutable(NICE)) {
			line.addAll(List.of(NICE.toString(), "-n", LOW_PRIORITY));
		}
		line.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			long pid = builder.start().pid();
			if (lowPriority) {
				lowerSessionPriority(pid);
			}
			return pid;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + command.getFirst(), ex);
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
		if (!Files.isWritable(autogroup) || !await(Duration.ofSeconds(2), () -> leadsItsSession(pid))) {
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

	/**
	 * Runs a command to completion.
	 * @param command the command line
	 * @param timeout how long it may take
	 * @return its output
	 * @throws LabException if it fails or times out
	 */
	public static String run(List<String> command, Duration timeout) {
		return run(command, Map.of(), timeout);
	}

	public static String run(List<String> command, Map<String, String> environment, Duration timeout) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new LabException(String.join(" ", command) + " did not finish within " + timeout);
			}
			String text = new String(output, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new LabException(
						String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new LabException("could not run " + command.getFirst() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted while running " + command.getFirst());
		}
	}

	/**
	 * Runs a command in the user's terminal, so that sudo can ask for a password.
	 * @param command the command line
	 */
	public static void runInTerminal(List<String> command) {
		try {
			int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
			if (exit != 0) {
				throw new LabException(String.join(" ", command) + " failed (exit " + exit + ")");
			}
		}
		catch (IOException ex) {
			throw new LabException("could not run " + command.getFirst() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted while running " + command.getFirst());
		}
	}

	/**
	 * Whether a process runs. A process that has exited but not been reaped (a zombie,
	 * which happens when the lab's servers outlive the command that started them) does
	 * not count.
	 * @param pid the process
	 * @return {@code true} if it runs
	 */
	public static boolean isAlive(long pid) {
		return pid > 0 && ProcessHandle.of(pid).map(Processes::running).orElse(false);
	}

	private static boolean running(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
			return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return true;
		}
	}

	/**
	 * Stops a process: SIGTERM, then SIGKILL if it is still there after the grace period.
	 * @param pid the process
	 * @param grace how long it may take to exit on its own
	 * @return {@code true} if it had to be killed
	 */
	public static boolean stop(long pid, Duration grace) {
		Optional<ProcessHandle> handle = ProcessHandle.of(pid);
		if (handle.isEmpty() || !isAlive(pid)) {
			return false;
		}
		handle.get().destroy();
		if (await(grace, () -> !isAlive(pid))) {
			return false;
		}
		handle.get().destroyForcibly();
		await(Duration.ofSeconds(5), () -> !isAlive(pid));
		return true;
	}

	/**
	 * Kills a process with SIGKILL, as a crash or a lost host would, and waits until it
	 * is gone.
	 * @param pid the process
	 * @return whether it was running
	 */
	public static boolean kill(long pid) {
		Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter((process) -> isAlive(pid));
		handle.ifPresent((process) -> {
			process.destroyForcibly();
			await(Duration.ofSeconds(10), () -> !isAlive(pid));
		});
		return handle.isPresent();
	}

	/**
	 * Sends SIGTERM, as a scale-in or a deployment would, without waiting.
	 * @param pid the process
	 * @return whether it was running
	 */
	public static boolean terminate(long pid) {
		Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter((process) -> isAlive(pid));
		handle.ifPresent(ProcessHandle::destroy);
		return handle.isPresent();
	}

	public static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The HTTP status of a GET, or 0 when nothing answers.
	 * @param url the URL
	 * @return the status code
	 */
	public static int httpStatus(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/**
	 * Waits until a condition holds.
	 * @param timeout the longest wait
	 * @param condition what to wait for
	 * @return whether it held in time
	 */
	public static boolean await(Duration timeout, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			sleep(Duration.ofMillis(200));
		}
		return true;
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted");
		}
	}

	/** The java command of the running JVM, to start the tiers with the same JDK. */
	public static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
