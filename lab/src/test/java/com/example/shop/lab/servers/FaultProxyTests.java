package com.example.shop.lab.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The fault proxy on its own, in front of an echo server: it forwards, cuts, slows,
 * restores itself at the deadline, and only its owner can open its control socket.
 */
class FaultProxyTests {

	@TempDir
	Path folder;

	private ServerSocket echo;

	private FaultProxy proxy;

	@BeforeEach
	void startEchoServerAndProxy() throws IOException {
		this.echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(this::echoForever);
		this.proxy = FaultProxy.start(this.folder.resolve("faults.sock"), List.of("db-a=0:" + this.echo.getLocalPort(),
				"db-b=0:" + this.echo.getLocalPort(), "sqs=0:" + this.echo.getLocalPort()));
	}

	@AfterEach
	void stop() throws IOException {
		this.proxy.close();
		this.echo.close();
	}

	@Test
	void forwardsBothWaysWhileRoutesPass() throws IOException {
		try (Socket client = connect("db-a")) {

			String answer = roundTrip(client, "hello");

			assertThat(answer).isEqualTo("hello");
		}
	}

	@Test
	void cutResetsOpenConnectionsAndRefusesNewOnes() throws IOException {
		Socket open = connect("db-a");
		roundTrip(open, "before");

		String answer = this.proxy.execute("cut db 30s");

		assertThat(answer).contains("db-a").contains("db-b").doesNotContain("sqs").contains(" cut ");
		assertThatThrownBy(() -> roundTrip(open, "during")).isInstanceOf(IOException.class);
		assertThatThrownBy(() -> roundTrip(connect("db-b"), "new")).isInstanceOf(IOException.class);
		assertThat(roundTrip(connect("sqs"), "other route")).isEqualTo("other route");
	}

	@Test
	void restoreLetsConnectionsThroughAgain() throws IOException {
		this.proxy.execute("cut all 30s");

		this.proxy.execute("restore all");

		assertThat(roundTrip(connect("db-a"), "again")).isEqualTo("again");
		assertThat(this.proxy.execute("status")).doesNotContain(" cut ");
	}

	@Test
	void slowDelaysEveryAnswerByTheLatency() throws IOException {
		try (Socket client = connect("sqs")) {
			roundTrip(client, "warm");
			this.proxy.execute("slow sqs 300ms 30s");

			long start = System.nanoTime();
			roundTrip(client, "one");
			roundTrip(client, "two");
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(took).isBetween(Duration.ofMillis(600), Duration.ofMillis(1500));
		}
	}

	@Test
	void restoresARouteByItselfWhenItsDeadlinePasses() throws IOException {
		this.proxy.execute("cut db-a 1s");
		assertThatThrownBy(() -> roundTrip(connect("db-a"), "cut")).isInstanceOf(IOException.class);

		await().atMost(Duration.ofSeconds(3))
			.until(() -> this.proxy.execute("status")
				.contains("db-a " + port("db-a") + "->" + this.echo.getLocalPort() + " pass"));

		assertThat(roundTrip(connect("db-a"), "back")).isEqualTo("back");
	}

	@Test
	void refusesAFaultWithoutADeadlineOrAnUnknownRoute() {
		assertThat(this.proxy.execute("cut db")).startsWith("error usage: cut TARGET FOR");
		assertThat(this.proxy.execute("cut db 2h")).startsWith("error a fault lasts");
		assertThat(this.proxy.execute("cut s3 30s")).startsWith("error no route s3");
		assertThat(this.proxy.execute("open the pod bay doors")).startsWith("error unknown command");
	}

	@Test
	void controlSocketIsForItsOwnerOnly() throws IOException {
		Path socket = this.folder.resolve("faults.sock");

		assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.list(this.folder)).containsExactly(socket);
	}

	private Socket connect(String route) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(route));
		socket.setSoTimeout(5000);
		return socket;
	}

	private int port(String route) {
		return this.proxy.port(route);
	}

	private static String roundTrip(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
		byte[] answer = socket.getInputStream().readNBytes(text.length());
		if (answer.length < text.length()) {
			throw new SocketException("connection closed after " + answer.length + " bytes");
		}
		return new String(answer, StandardCharsets.UTF_8);
	}

	private void echoForever() {
		while (!this.echo.isClosed()) {
			try {
				Socket connection = this.echo.accept();
				Thread.ofVirtual().start(() -> {
					try (connection;
							InputStream in = connection.getInputStream();
							OutputStream out = connection.getOutputStream()) {
						in.transferTo(out);
					}
					catch (IOException ex) {
						// the test closed it
					}
				});
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

}
