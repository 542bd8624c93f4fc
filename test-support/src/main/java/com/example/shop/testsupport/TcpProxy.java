package com.example.shop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback that a test can break: cut every connection and refuse new ones
 * (a crashed server or a dropped network), freeze them (a server that accepts but never
 * answers: only timeouts end the wait), or slow them down. The application under test
 * connects through it as it would to the real server. Toxiproxy does this, but it is a Go
 * binary outside Maven Central and runs in tests only through Docker, which the project's
 * CI machine does not have; this is the part of it the tests need.
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile Mode mode = Mode.PASS;

	private volatile Duration latency = Duration.ZERO;

	private TcpProxy(ServerSocket server, int targetPort) {
		this.server = server;
		this.targetPort = targetPort;
	}

	/**
	 * Starts a proxy to a server on this machine.
	 * @param targetPort the server's port on 127.0.0.1
	 * @return the running proxy
	 */
	public static TcpProxy to(int targetPort) {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			TcpProxy proxy = new TcpProxy(server, targetPort);
			Thread.ofVirtual().name("tcp-proxy-" + targetPort).start(proxy::accept);
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the port clients connect to
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/** Closes every connection and refuses new ones until {@link #restore()}. */
	public void cut() {
		this.mode = Mode.CUT;
		this.sockets.forEach(TcpProxy::closeQuietly);
	}

	/**
	 * Keeps connections open but forwards nothing, in either direction, until
	 * {@link #restore()}.
	 */
	public void freeze() {
		this.mode = Mode.FREEZE;
	}

	/**
	 * Delays every chunk of data forwarded, in both directions.
	 * @param latency the added delay, zero for none
	 */
	public void slow(Duration latency) {
		this.latency = latency;
	}

	/** Back to forwarding everything at full speed. */
	public void restore() {
		this.latency = Duration.ZERO;
		this.mode = Mode.PASS;
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		this.sockets.forEach(TcpProxy::closeQuietly);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.mode == Mode.CUT) {
					closeQuietly(client);
					continue;
				}
				forward(client);
			}
			catch (IOException ex) {
				// the server socket closed
			}
		}
	}

	/**
	 * Connects a client to the target, or closes it when the target refuses, as the
	 * target itself would. A client left open would wait for an answer until its own
	 * timeout: a JDBC pool refilling itself after the database stopped (as it does when
	 * the test JVM exits) would hang for its whole login timeout, and hold up the exit
	 * with it.
	 */
	private void forward(Socket client) {
		Socket upstream;
		try {
			upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
		}
		catch (IOException ex) {
			closeQuietly(client);
			return;
		}
		this.sockets.add(client);
		this.sockets.add(upstream);
		Thread.ofVirtual().start(() -> pump(client, upstream));
		Thread.ofVirtual().start(() -> pump(upstream, client));
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int n;
			while ((n = in.read(buffer)) != -1) {
				while (this.mode == Mode.FREEZE) {
					Thread.sleep(20);
				}
				if (!this.latency.isZero()) {
					Thread.sleep(this.latency);
				}
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// one side closed or was cut
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

	private enum Mode {

		PASS, CUT, FREEZE

	}

}
