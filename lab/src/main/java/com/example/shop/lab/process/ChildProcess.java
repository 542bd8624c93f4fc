package com.example.shop.lab.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.example.shop.lab.host.LabException;

/**
 * A process that a lab command starts and owns ({@link Launch#start()}): a load
 * generator, a JVM the start-up bench times, a command run to completion. If the command
 * is stopped (Ctrl-C) while the child runs, the child is killed with it, so nothing a
 * command started outlives it by accident; {@link #close()} says the child needs that no
 * more. Stopping is graceful first (SIGTERM, as a scale-in sends), then forced, and
 * always reaps the child.
 */
public final class ChildProcess implements AutoCloseable {

	/** How long a child stopped because its command was interrupted may take. */
	private static final Duration ON_EXIT_GRACE = Duration.ofSeconds(5);

	/** How long a killed child may take to be gone. */
	private static final Duration REAP = Duration.ofSeconds(10);

	private final Process process;

	private final String description;

	private final OnExit killOnExit;

	ChildProcess(Process process, String description) {
		this.process = process;
		this.description = description;
		this.killOnExit = OnExit.run("stop-" + process.pid(), () -> stop(ON_EXIT_GRACE));
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * What the child writes, when its output is a pipe.
	 * @return its output and errors
	 */
	public InputStream output() {
		return this.process.getInputStream();
	}

	/**
	 * Where to write to the child, when its input is a pipe
	 * ({@link Launch#pipedInput()}).
	 * @return its input
	 */
	public OutputStream input() {
		return this.process.getOutputStream();
	}

	/**
	 * Reads the child's output to its end (when it closes it, usually as it exits).
	 * @return the output
	 */
	String readOutput() {
		try {
			return new String(this.process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the output of " + this.description, ex);
		}
	}

	/**
	 * Waits for the child to exit.
	 * @param timeout the longest wait
	 * @return whether it exited in time
	 */
	public boolean awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
			throw new LabException("interrupted while waiting for " + this.description);
		}
	}

	/**
	 * The exit status.
	 * @return the status
	 * @throws IllegalStateException if it has not exited
	 */
	public int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * Stops the child gracefully: SIGTERM, then SIGKILL (with everything it started) if
	 * it is still there after the grace period.
	 * @param grace how long it may take to exit on its own
	 * @return {@code true} if it exited on its own
	 */
	public boolean stop(Duration grace) {
		this.process.destroy();
		if (awaitExit(grace)) {
			return true;
		}
		kill();
		return false;
	}

	/** Kills the child and what it started (SIGKILL), and reaps it. */
	public void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		try {
			this.process.waitFor(REAP.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The child has ended, or its owner stops it: it needs killing on exit no more. */
	@Override
	public void close() {
		this.killOnExit.cancel();
	}

}
