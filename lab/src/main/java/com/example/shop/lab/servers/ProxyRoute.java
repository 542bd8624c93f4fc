package com.example.shop.lab.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One route of the {@link FaultProxy}: a listener on 127.0.0.1 that forwards every
 * connection to one server on 127.0.0.1, and can be cut or slowed. A cut closes every
 * open connection with a reset and resets every new one at once, as a crashed server or a
 * dropped network does. Slow delays every chunk the server sends back, so each round trip
 * takes that much longer (Toxiproxy's "latency" toxic on its downstream side). A cut or a
 * slowdown always has a deadline, after which the route restores itself: a fault whose
 * operator went away ends anyway.
 */
final class ProxyRoute {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private final String name;

	private final int targetPort;

	private final ServerSocket server;

	private final ScheduledExecutorService clock;

	private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();

	private volatile State state = State.PASS;

	private @Nullable ScheduledFuture<?> expiry;

	private ProxyRoute(String name, int targetPort, ServerSocket server, ScheduledExecutorService clock) {
		this.name = name;
		this.targetPort = targetPort;
		this.server = server;
		this.clock = clock;
	}

	/**
	 * Opens the route's listener and starts accepting.
	 * @param name the route's name, e.g. {@code db-a}
	 * @param listenPort where clients connect, 0 for any free port
	 * @param targetPort the server's port
	 * @param clock runs the deadlines
	 * @return the running route
	 */
	static ProxyRoute open(String name, int listenPort, int targetPort, ScheduledExecutorService clock) {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 200);
			ProxyRoute route = new ProxyRoute(name, targetPort, server, clock);
			Thread.ofPlatform().daemon().name("accept-" + name).start(route::accept);
			return route;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot listen on 127.0.0.1:" + listenPort + " for " + name, ex);
		}
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Cuts the route until the deadline: every connection is reset, new ones too.
	 * @param duration how long
	 */
	synchronized void cut(Duration duration) {
		this.state = new State(Mode.CUT, Duration.ZERO, Instant.now().plus(duration));
		this.connections.forEach(ProxiedConnection::reset);
		expireAfter(duration);
	}

	/**
	 * Delays what the server sends back until the deadline.
	 * @param latency the delay per chunk
	 * @param duration how long
	 */
	synchronized void slow(Duration latency, Duration duration) {
		this.state = new State(Mode.SLOW, latency, Instant.now().plus(duration));
		expireAfter(duration);
	}

	/** Back to forwarding everything at once. */
	synchronized void restore() {
		if (this.expiry != null) {
			this.expiry.cancel(false);
			this.expiry = null;
		}
		this.state = State.PASS;
	}

	/**
	 * One line for the control channel: {@code db-a 6433->5433 cut 12s connections=0}.
	 * @return the route's state
	 */
	String describe() {
		State current = this.state;
		String mode = switch (current.mode()) {
			case PASS -> "pass";
			case CUT -> "cut " + secondsLeft(current) + "s";
			case SLOW -> "slow " + current.latency().toMillis() + "ms " + secondsLeft(current) + "s";
		};
		return "%s %d->%d %s connections=%d".formatted(this.name, port(), this.targetPort, mode,
				this.connections.size());
	}

	Duration latency() {
		return this.state.latency();
	}

	void close() {
		ProxiedConnection.closeQuietly(this.server);
		this.connections.forEach(ProxiedConnection::reset);
	}

	private void expireAfter(Duration duration) {
		if (this.expiry != null) {
			this.expiry.cancel(false);
		}
		State fault = this.state;
		this.expiry = this.clock.schedule(() -> expire(fault), duration.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Restores the route, unless the fault was replaced or restored in the meantime. */
	private synchronized void expire(State fault) {
		if (this.state == fault) {
			System.out.println(this.name + ": deadline passed, restored by the proxy itself");
			this.expiry = null;
			this.state = State.PASS;
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.state.mode() == Mode.CUT) {
					ProxiedConnection.reset(client);
					continue;
				}
				Thread.ofVirtual().name(this.name + "-connect").start(() -> connect(client));
			}
			catch (IOException ex) {
				// the listener closed: the proxy is stopping
			}
		}
	}

	private void connect(Socket client) {
		Socket upstream = new Socket();
		try {
			upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.targetPort),
					(int) CONNECT_TIMEOUT.toMillis());
		}
		catch (IOException ex) {
			// the server is down: the client sees what it would see without the proxy
			ProxiedConnection.reset(client);
			ProxiedConnection.closeQuietly(upstream);
			return;
		}
		ProxiedConnection connection = new ProxiedConnection(client, upstream, this::latency, this.connections::remove);
		this.connections.add(connection);
		if (this.state.mode() == Mode.CUT) {
			connection.reset();
			return;
		}
		connection.start(this.name);
	}

	private static long secondsLeft(State state) {
		long millis = Duration.between(Instant.now(), state.until()).toMillis();
		return Math.max(0, (millis + 999) / 1000);
	}

	private enum Mode {

		PASS, CUT, SLOW

	}

	/**
	 * What a route does now.
	 *
	 * @param mode pass, cut or slow
	 * @param latency the delay when slow
	 * @param until when a cut or slowdown ends by itself
	 */
	private record State(Mode mode, Duration latency, Instant until) {

		static final State PASS = new State(Mode.PASS, Duration.ZERO, Instant.MAX);

	}

}
