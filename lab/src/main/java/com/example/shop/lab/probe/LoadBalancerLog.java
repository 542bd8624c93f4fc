package com.example.shop.lab.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * HAProxy's access log ({@code option httplog}), the lab's counterpart of an ALB's access
 * logs: for each request, when it was accepted, the status and how long the whole
 * exchange took at the load balancer. It is the system's own view of how fast it
 * answered, free of the load generator's delays: on a 2-core machine a generator sending
 * hundreds of requests a second competes for the CPU with everything it measures, and its
 * latencies then say more about itself than about the system.
 */
public final class LoadBalancerLog {

	/**
	 * {@code 127.0.0.1:37768 [25/Nov/2026:03:55:17.092] orders web/web-2 0/0/0/5/5 201 548 - - ----}:
	 * the accept date, the backend and server, the timers TR/Tw/Tc/Tr/Ta, the status and
	 * the termination state.
	 */
	private static final Pattern LINE = Pattern
		.compile("\\[(\\S+)] orders (\\S+) -?\\d+/-?\\d+/-?\\d+/-?\\d+/(-?\\d+) (-?\\d+) \\d+ \\S+ \\S+ (\\S{4})");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss.SSS",
			Locale.ENGLISH);

	private LoadBalancerLog() {
	}

	/**
	 * The requests the load balancer accepted in a time range.
	 * @param log the access log
	 * @param from epoch milliseconds, inclusive
	 * @param to epoch milliseconds, exclusive
	 * @return one entry per request, in log order
	 */
	public static List<Entry> between(Path log, long from, long to) {
		if (!Files.exists(log)) {
			return List.of();
		}
		try (Stream<String> lines = Files.lines(log)) {
			return lines.map(LoadBalancerLog::parse)
				.flatMap(Optional::stream)
				.filter((entry) -> entry.acceptedAt() >= from && entry.acceptedAt() < to)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Optional<Entry> parse(String line) {
		Matcher matcher = LINE.matcher(line);
		if (!matcher.find()) {
			return Optional.empty();
		}
		long acceptedAt = LocalDateTime.parse(matcher.group(1), DATE)
			.atZone(ZoneId.systemDefault())
			.toInstant()
			.toEpochMilli();
		return Optional.of(new Entry(acceptedAt, matcher.group(2), Integer.parseInt(matcher.group(4)),
				Long.parseLong(matcher.group(3)), matcher.group(5)));
	}

	/**
	 * One request as the load balancer saw it.
	 *
	 * @param acceptedAt when it was accepted, epoch milliseconds
	 * @param server {@code backend/server}, e.g. {@code web/web-2}
	 * @param status the status sent to the client, -1 if none
	 * @param totalMs the whole exchange at the load balancer (HAProxy's Ta)
	 * @param termination how the session ended; {@code ----} is normal, a {@code C} or
	 * {@code S} first says the client or the server aborted it
	 */
	public record Entry(long acceptedAt, String server, int status, long totalMs, String termination) {

		public boolean endedNormally() {
			return this.termination.startsWith("-");
		}

	}

}
