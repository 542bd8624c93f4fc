package com.example.shop.lab.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link FaultProxy}'s control channel: a Unix domain socket that only the lab's user
 * can open (file mode 600), never a TCP port, so no other user of the machine and nothing
 * on the network can switch a fault on. One command per connection, one line each, and
 * the answer is one line per route, or {@code error ...}:
 *
 * <pre>
 * status
 * cut TARGET FOR              e.g. cut db 30s      (every connection reset, new ones too)
 * slow TARGET LATENCY FOR     e.g. slow db 500ms 30s
 * restore TARGET              e.g. restore all
 * </pre>
 *
 * TARGET is a route ({@code db-a}), a group of routes by prefix ({@code db} is
 * {@code db-a} and {@code db-b}) or {@code all}. FOR is required and at most an hour: the
 * proxy restores the route itself when it has passed. Durations are {@code 500ms},
 * {@code 30s}, {@code 2m}, {@code 1h}, or a number of milliseconds.
 */
final class ControlChannel {

	static final Duration LONGEST_FAULT = Duration.ofHours(1);

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

	private final List<ProxyRoute> routes;

	private final ServerSocketChannel server;

	private ControlChannel(List<ProxyRoute> routes, ServerSocketChannel server) {
		this.routes = routes;
		this.server = server;
	}

	/**
	 * Opens the socket, readable and writable by its owner only. It is bound in a private
	 * folder, made mode 600 and only then moved into place (as HAProxy does with its own
	 * sockets), so there is no moment at which another user could connect.
	 * @param socket where the socket goes
	 * @param routes the routes it controls
	 * @return the channel, not yet serving
	 */
	static ControlChannel open(Path socket, List<ProxyRoute> routes) {
		try {
			Files.deleteIfExists(socket);
			Path folder = Files.createTempDirectory(socket.toAbsolutePath().getParent(), ".faults",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Path bound = folder.resolve("s");
			ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
			server.bind(UnixDomainSocketAddress.of(bound));
			Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
			Files.move(bound, socket, StandardCopyOption.ATOMIC_MOVE);
			Files.delete(folder);
			return new ControlChannel(routes, server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the control socket " + socket, ex);
		}
	}

	/** Serves commands until the process ends. */
	void serve() {
		while (this.server.isOpen()) {
			try {
				SocketChannel connection = this.server.accept();
				Thread.ofVirtual().name("control").start(() -> answer(connection));
			}
			catch (IOException ex) {
				// closed: the proxy is stopping
			}
		}
	}

	void close() {
		ProxiedConnection.closeQuietly(this.server);
	}

	private void answer(SocketChannel connection) {
		try (connection;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(Channels.newInputStream(connection), StandardCharsets.UTF_8));
				Writer out = new OutputStreamWriter(Channels.newOutputStream(connection), StandardCharsets.UTF_8)) {
			String line = in.readLine();
			out.write(execute((line != null) ? line : ""));
			out.flush();
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	/**
	 * Runs one command.
	 * @param line the command
	 * @return the answer, one line per route, or {@code error ...}
	 */
	String execute(String line) {
		String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
		try {
			switch (words[0]) {
				case "status" -> {
					return describe(this.routes);
				}
				case "cut" -> {
					expectWords(words, "cut TARGET FOR");
					Duration duration = faultDuration(words[2]);
					List<ProxyRoute> targets = targets(words[1]);
					targets.forEach((route) -> route.cut(duration));
					log(line);
					return describe(targets);
				}
				case "slow" -> {
					expectWords(words, "slow TARGET LATENCY FOR");
					Duration latency = duration(words[2]);
					Duration duration = faultDuration(words[3]);
					List<ProxyRoute> targets = targets(words[1]);
					targets.forEach((route) -> route.slow(latency, duration));
					log(line);
					return describe(targets);
				}
				case "restore" -> {
					expectWords(words, "restore TARGET");
					List<ProxyRoute> targets = targets(words[1]);
					targets.forEach(ProxyRoute::restore);
					log(line);
					return describe(targets);
				}
				default -> throw new IllegalArgumentException(
						"unknown command; use status, cut TARGET FOR, slow TARGET LATENCY FOR, restore TARGET");
			}
		}
		catch (IllegalArgumentException ex) {
			return "error " + ex.getMessage() + "\n";
		}
	}

	private List<ProxyRoute> targets(String target) {
		List<ProxyRoute> targets = this.routes.stream()
			.filter((route) -> target.equals("all") || route.name().equals(target)
					|| route.name().startsWith(target + "-"))
			.toList();
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("no route " + target + "; routes: "
					+ this.routes.stream().map(ProxyRoute::name).toList() + ", a prefix such as db, or all");
		}
		return targets;
	}

	private static Duration faultDuration(String text) {
		Duration duration = duration(text);
		if (duration.isZero() || duration.compareTo(LONGEST_FAULT) > 0) {
			throw new IllegalArgumentException(
					"a fault lasts more than 0 and at most " + LONGEST_FAULT.toMinutes() + " minutes, not " + text);
		}
		return duration;
	}

	static Duration duration(String text) {
		Matcher matcher = DURATION.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a duration: " + text + " (use 500ms, 30s, 2m)");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "ms";
		return switch (unit) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofMillis(amount);
		};
	}

	private static void expectWords(String[] words, String usage) {
		if (words.length != usage.split(" ").length) {
			throw new IllegalArgumentException("usage: " + usage);
		}
	}

	private static String describe(List<ProxyRoute> routes) {
		StringBuilder answer = new StringBuilder();
		routes.forEach((route) -> answer.append(route.describe()).append('\n'));
		return answer.toString();
	}

	private static void log(String command) {
		System.out.println("control: " + command.trim());
	}

}
