package com.example.shop.lab.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The lab's servers by their pid: whether one runs, stopping it gracefully, killing it as
 * a crash would. A server is started detached ({@link Launch#detach()}), keeps running
 * after {@code bin/lab} exits, and is found again by the pid the lab recorded; only its
 * parent could reap it, so a server that has exited but lingers as a zombie counts as
 * gone.
 */
public final class Processes {

	private Processes() {
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
		if (Await.until(grace, () -> !isAlive(pid))) {
			return false;
		}
		handle.get().destroyForcibly();
		Await.until(Duration.ofSeconds(5), () -> !isAlive(pid));
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
			Await.until(Duration.ofSeconds(10), () -> !isAlive(pid));
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

	/** The java command of the running JVM, to start the tiers with the same JDK. */
	public static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
