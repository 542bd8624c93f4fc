package com.example.shop.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code --start-on-input}: a JVM with Gatling takes seconds of CPU to start, many more
 * on a busy 2-core machine, so a caller that needs load at an exact moment (the lab's
 * {@code spike}) starts the generator early, waits for {@value #READY}, and writes a line
 * when the load should begin.
 */
final class StartSignal {

	/** The line printed once Gatling is ready to send. */
	static final String READY = "ready";

	private StartSignal() {
	}

	/**
	 * Says {@value #READY} and waits for a line.
	 * @param in where the signal comes from
	 * @param out where to say it is ready
	 * @throws IllegalStateException if the input ends first: the caller is gone, and
	 * nobody wants the load any more
	 */
	static void await(InputStream in, PrintStream out) {
		out.println(READY);
		out.flush();
		try {
			String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
			if (line == null) {
				throw new IllegalStateException("standard input ended before the start signal; nothing was sent");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the start signal", ex);
		}
	}

}
