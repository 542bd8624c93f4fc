package com.example.shop.deploy;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Prints each state a deployment enters as one line, {@code [HH:mm:ss] STATE detail}, in
 * the local time of whoever watches it, so that the console log lines up with the
 * dashboards: the AWS deploy command's and {@code bin/lab deploy}'s.
 */
public final class ConsoleProgress implements Progress {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final PrintWriter out;

	private final Pacer pacer;

	private final ZoneId zone;

	public ConsoleProgress(PrintWriter out, Pacer pacer, ZoneId zone) {
		this.out = out;
		this.pacer = pacer;
		this.zone = zone;
	}

	@Override
	public void entered(State state, String detail) {
		LocalTime time = LocalTime.ofInstant(this.pacer.now(), this.zone);
		this.out.printf("[%s] %-15s %s%n", TIME.format(time), state, detail);
		this.out.flush();
	}

}
