package com.example.shop.lab.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One line-based request over a Unix domain socket, the way the lab talks to HAProxy's
 * runtime API and to its fault proxy: send a command line, read the answer until the
 * server closes the connection.
 */
public final class UnixSockets {

	private UnixSockets() {
	}

	public static String request(Path socket, String command) throws IOException {
		try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
			channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteBuffer buffer = ByteBuffer.allocate(8192);
			while (channel.read(buffer) > 0) {
				out.write(buffer.array(), 0, buffer.position());
				buffer.clear();
			}
			return out.toString(StandardCharsets.UTF_8);
		}
	}

}
