package com.example.shop.deploy.aws;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.example.shop.deploy.Pacer;
import com.example.shop.deploy.Progress;

/**
 * Prints each state a deployment enters as one line, {@code [HH:mm:ss] STATE detail}, in
 * the local time of whoever watches it, so that the console log lines up with the
 * dashboards.
 */
final class ConsoleProgress implements Progress {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final PrintWriter out;

	private final Pacer pacer;

	private final ZoneId zone;

	ConsoleProgress(PrintWriter out, Pacer pacer, ZoneId zone) {
		this.out = out;
		this.pacer = pacer;
		this.zone = zone;
	}

	@Override
	public void entered(State state, String detail) {
		LocalTime time = LocalTime.ofInstant(this.pacer.now(), this.zone);
		this.out.println("[" + TIME.format(time) + "] " + state + " " + detail);
		this.out.flush();
	}

}
