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

	private static Server start() {
		try {
			Path home = Files.createTempDirectory("test-s3proxy");
			Path data = Files.createDirectories(home.resolve("data"));
			int port = FreePort.find();
			String endpoint = "http://127.0.0.1:" + port;
			Path properties = home.resolve("s3proxy.properties");
			Files.writeString(properties,
					String.join("\n", "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4",
							"s3proxy.identity=" + TestAws.ACCESS_KEY, "s3proxy.credential=" + TestAws.SECRET_KEY,
							"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + data, ""));
			Process process = new ProcessBuilder(
					List.of(java(), "-Xmx256m", "-jar", jar(home).toString(), "--properties", properties.toString()))
				.redirectErrorStream(true)
				.redirectOutput(home.resolve("s3proxy.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			FreePort.awaitListening(port, Duration.ofSeconds(60), process);
			return new Server(endpoint, process);
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
	 */
	public record Server(String endpoint, Process process) {
	}

}
