package com.example.shop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3Proxy server (the S3 API over a folder) for every test in the JVM, with the
 * receipts bucket. It runs as its own JVM, from the jar this module carries, because its
 * dependencies would clash with the application's; it is stopped when the test JVM exits.
 */
public final class TestBucket {

	/** The receipts bucket. */
	public static final String RECEIPTS = "receipts";

	private static @Nullable Server server;

	private TestBucket() {
	}

	/**
	 * The running server with its bucket, started on first use.
	 * @return where it listens
	 */
	public static synchronized Server get() {
		if (server == null) {
			server = start();
			try (S3Client s3 = TestAws.s3Client()) {
				s3.createBucket((request) -> request.bucket(RECEIPTS));
			}
		}
		return server;
	}

	/**
	 * Stops the server, as an S3 outage would: connections are refused until
	 * {@link #restart()}. The objects stay in its folder.
	 */
	public static synchronized void stop() {
		Server running = get();
		running.process().destroy();
		try {
			running.process().waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Starts the server again on the same port, over the same folder. */
	public static synchronized void restart() {
		Server stopped = get();
		server = new Server(stopped.endpoint(), launch(stopped.home(), stopped.port()), stopped.home(), stopped.port());
	}

	private static Server start() {
		try {
			Path home = Files.createTempDirectory("test-s3proxy");
			Path data = Files.createDirectories(home.resolve("data"));
			int port = FreePort.find();
			String endpoint = "http://127.0.0.1:" + port;
			Files.writeString(home.resolve("s3proxy.properties"),
					String.join("\n", "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4",
							"s3proxy.identity=" + TestAws.ACCESS_KEY, "s3proxy.credential=" + TestAws.SECRET_KEY,
							"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + data, ""));
			Runtime.getRuntime().addShutdownHook(new Thread(TestBucket::destroy));
			return new Server(endpoint, launch(home, port), home, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start S3Proxy", ex);
		}
	}

	private static synchronized void destroy() {
		if (server != null) {
			server.process().destroy();
		}
	}

	private static Process launch(Path home, int port) {
		try {
			Process process = new ProcessBuilder(List.of(java(), "-Xmx256m", "-jar", jar(home).toString(),
					"--properties", home.resolve("s3proxy.properties").toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("s3proxy.log").toFile()))
				.start();
			FreePort.awaitListening(port, Duration.ofSeconds(60), process);
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start S3Proxy", ex);
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static Path jar(Path home) throws IOException {
		URL jar = TestBucket.class.getResource("/s3proxy/s3proxy.jar");
		if (jar == null) {
			throw new IllegalStateException("s3proxy.jar is missing from test-support; build it with Maven");
		}
		if ("file".equals(jar.getProtocol())) {
			try {
				return Path.of(jar.toURI());
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
		}
		Path copy = home.resolve("s3proxy.jar");
		try (InputStream in = jar.openStream()) {
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		return copy;
	}

	/**
	 * Where the test object store listens.
	 *
	 * @param endpoint its base URL
	 * @param process the S3Proxy process
	 * @param home its folder: configuration, objects, log
	 * @param port its port on the loopback interface
	 */
	public record Server(String endpoint, Process process, Path home, int port) {
	}

}
