package com.example.shop.lab.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One client connection through a {@link ProxyRoute} and its connection to the server.
 * What the client sends goes straight through; what the server sends back goes through a
 * queue, each chunk released at its arrival time plus the route's latency, so a slow
 * route delays every answer by the latency without piling delays up (as Toxiproxy's
 * latency toxic does). A reset closes both sockets with an RST, as a crashed peer would.
 */
final class ProxiedConnection {

	private static final int CHUNK = 16 * 1024;

	/** At most this many chunks wait in a slow route: 4 MB per connection. */
	private static final int QUEUED_CHUNKS = 256;

	private static final Chunk END = new Chunk(new byte[0], 0);

	private final Socket client;

	private final Socket upstream;

	private final Supplier<Duration> latency;

	private final Consumer<ProxiedConnection> onClose;

	private final BlockingQueue<Chunk> downstream = new ArrayBlockingQueue<>(QUEUED_CHUNKS);

	private final AtomicInteger directionsDone = new AtomicInteger();

	private final AtomicBoolean closed = new AtomicBoolean();

	ProxiedConnection(Socket client, Socket upstream, Supplier<Duration> latency, Consumer<ProxiedConnection> onClose) {
		this.client = client;
		this.upstream = upstream;
		this.latency = latency;
		this.onClose = onClose;
	}

	void start(String route) {
		Thread.ofVirtual().name(route + "-up").start(this::forwardUpstream);
		Thread.ofVirtual().name(route + "-down-read").start(this::readDownstream);
		Thread.ofVirtual().name(route + "-down-write").start(this::writeDownstream);
	}

	/** Closes both sides at once with a reset. */
	void reset() {
		if (this.closed.compareAndSet(false, true)) {
			reset(this.client);
			reset(this.upstream);
			// wakes the writer if it waits for the next chunk
			this.downstream.clear();
			this.downstream.offer(END);
			this.onClose.accept(this);
		}
	}

	private void forwardUpstream() {
		byte[] buffer = new byte[CHUNK];
		try {
			InputStream in = this.client.getInputStream();
			OutputStream out = this.upstream.getOutputStream();
			int n;
			while ((n = in.read(buffer)) != -1) {
				out.write(buffer, 0, n);
				out.flush();
			}
			this.upstream.shutdownOutput();
			directionDone();
		}
		catch (IOException ex) {
			reset();
		}
	}

	private void readDownstream() {
		byte[] buffer = new byte[CHUNK];
		try {
			InputStream in = this.upstream.getInputStream();
			int n;
			while ((n = in.read(buffer)) != -1) {
				long releaseAt = System.nanoTime() + this.latency.get().toNanos();
				this.downstream.put(new Chunk(Arrays.copyOf(buffer, n), releaseAt));
			}
			this.downstream.put(END);
		}
		catch (IOException | InterruptedException ex) {
			reset();
		}
	}

	private void writeDownstream() {
		try {
			OutputStream out = this.client.getOutputStream();
			for (Chunk chunk = this.downstream.take(); chunk != END; chunk = this.downstream.take()) {
				long wait = chunk.releaseAt() - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(Duration.ofNanos(wait));
				}
				out.write(chunk.bytes());
				out.flush();
			}
			this.client.shutdownOutput();
			directionDone();
		}
		catch (IOException | InterruptedException ex) {
			reset();
		}
	}

	private void directionDone() {
		if (this.directionsDone.incrementAndGet() == 2 && this.closed.compareAndSet(false, true)) {
			closeQuietly(this.client);
			closeQuietly(this.upstream);
			this.onClose.accept(this);
		}
	}

	static void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
		}
		catch (IOException ex) {
			// already closed
		}
		closeQuietly(socket);
	}

	static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

	/**
	 * Bytes from the server and when they may go on to the client.
	 *
	 * @param bytes the bytes
	 * @param releaseAt {@link System#nanoTime()} at which to forward them
	 */
	private record Chunk(byte[] bytes, long releaseAt) {
	}

}
