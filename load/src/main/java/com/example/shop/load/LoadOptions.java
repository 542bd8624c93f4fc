package com.example.shop.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What one run should do, parsed and checked before anything is sent.
 *
 * @param target the load balancer's base URL, loopback unless {@code --allow-remote}
 * @param rate orders started per second, whatever the server does
 * @param duration how long orders are started for
 * @param timeout how long one request may take before it counts as a timeout
 * @param record where to write one JSON line per request, or {@code null}
 * @param quiet whether to leave out the per-second lines
 * @param startOnInput whether to get ready, say so and wait for a line on standard input
 * before sending (a caller starts the JVM early and the load exactly when it wants it)
 */
record LoadOptions(URI target, double rate, Duration duration, Duration timeout, @Nullable Path record, boolean quiet,
		boolean startOnInput) {

	static final String USAGE = """
			usage: java -jar load.jar --rate R --duration D [--target URL] [--record FILE] [--timeout D] [--quiet] [--allow-remote] [--start-on-input]
			  --rate R        orders per second (> 0), sent on schedule however slow the answers are
			  --duration D    how long to send for: 30s, 2m, 1m30s, 500ms
			  --target URL    the load balancer (default http://127.0.0.1:8080); loopback only unless --allow-remote
			  --record FILE   write one JSON line per request: key, status, orderId, latencyMs, error, sentAt
			  --timeout D     give up on a request after D (default 5s); it then counts as a timeout
			  --quiet         print only the final summary line
			  --start-on-input  get ready, print "ready", and start sending when a line arrives on standard input""";

	private static final Set<String> FLAGS = Set.of("--quiet", "--allow-remote", "--start-on-input");

	private static final Set<String> VALUED = Set.of("--target", "--rate", "--duration", "--record", "--timeout");

	private static final Pattern DURATION_PART = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

	/**
	 * Parses a command line such as {@code --rate 20 --duration 30s};
	 * {@code --name=value} works too.
	 * @throws InvalidOptionException with a one-line message saying what is wrong
	 */
	static LoadOptions parse(String... args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String[] nameAndValue = args[i].split("=", 2);
			String name = nameAndValue[0];
			if (FLAGS.contains(name) && nameAndValue.length == 1) {
				values.put(name, "true");
			}
			else if (VALUED.contains(name)) {
				String value = (nameAndValue.length == 2) ? nameAndValue[1] : (i + 1 < args.length) ? args[++i] : null;
				if (value == null) {
					throw new InvalidOptionException(name + " needs a value (see --help)");
				}
				values.put(name, value);
			}
			else {
				throw new InvalidOptionException("unknown option '" + args[i] + "' (see --help)");
			}
		}
		return fromValues(values);
	}

	private static LoadOptions fromValues(Map<String, String> values) {
		URI target = LabTarget.parse(values.getOrDefault("--target", "http://127.0.0.1:8080"),
				values.containsKey("--allow-remote"));
		double rate = rate(required(values, "--rate"));
		Duration duration = duration("--duration", required(values, "--duration"));
		Duration timeout = duration("--timeout", values.getOrDefault("--timeout", "5s"));
		Path record = values.containsKey("--record") ? Path.of(values.get("--record")) : null;
		return new LoadOptions(target, rate, duration, timeout, record, values.containsKey("--quiet"),
				values.containsKey("--start-on-input"));
	}

	private static String required(Map<String, String> values, String name) {
		String value = values.get(name);
		if (value == null) {
			throw new InvalidOptionException(name + " is required (see --help)");
		}
		return value;
	}

	private static double rate(String text) {
		try {
			double rate = Double.parseDouble(text);
			if (rate > 0 && Double.isFinite(rate)) {
				return rate;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, like any other rate that is not a positive number
		}
		throw new InvalidOptionException("--rate must be a number of orders per second above 0, got '" + text + "'");
	}

	/**
	 * Parses {@code 30s}, {@code 2m}, {@code 1m30s} or {@code 500ms}; must be above zero.
	 */
	static Duration duration(String name, String text) {
		Matcher part = DURATION_PART.matcher(text);
		Duration total = Duration.ZERO;
		int end = 0;
		while (part.find() && part.start() == end) {
			long amount = Long.parseLong(part.group(1));
			total = total.plus(switch (part.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			});
			end = part.end();
		}
		if (end == 0 || end != text.length() || total.isZero()) {
			throw new InvalidOptionException(
					name + " must be a time above zero like 30s, 2m or 1m30s, got '" + text + "'");
		}
		return total;
	}

}
