package com.example.shop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL server for every test in the JVM. Where Docker runs (a laptop, GitHub
 * Actions) it is a Testcontainers container of the same major version as RDS; where it
 * does not (this project's CI machine) it is an embedded PostgreSQL, a real server
 * started from binaries on Maven Central. {@code -Dtest.database=docker} or
 * {@code =embedded} forces one.
 */
public final class TestDatabase {

	private static @Nullable Server server;

	private TestDatabase() {
	}

	private static @Nullable TcpProxy proxy;

	/**
	 * The running server, started on first use.
	 * @return how to connect to it directly
	 */
	public static synchronized Server get() {
		if (server == null) {
			server = useDocker() ? startContainer() : startEmbedded();
		}
		return server;
	}

	/**
	 * The proxy the applications under test connect through, so that a test can cut,
	 * freeze or slow the database's connections.
	 * @return the proxy
	 */
	public static synchronized TcpProxy proxy() {
		if (proxy == null) {
			proxy = TcpProxy.to(URI.create(get().jdbcUrl().substring("jdbc:".length())).getPort());
		}
		return proxy;
	}

	/**
	 * The JDBC URL through {@link #proxy()}.
	 * @return the URL
	 */
	public static String proxiedJdbcUrl() {
		String direct = get().jdbcUrl();
		int port = URI.create(direct.substring("jdbc:".length())).getPort();
		return direct.replace(":" + port + "/", ":" + proxy().port() + "/");
	}

	private static boolean useDocker() {
		return switch (System.getProperty("test.database", "auto")) {
			case "docker" -> true;
			case "embedded" -> false;
			default -> DockerClientFactory.instance().isDockerAvailable();
		};
	}

	private static Server startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "docker");
	}

	private static Server startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(FreePort.find()).start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
			return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start an embedded PostgreSQL", ex);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How to reach the test database.
	 *
	 * @param jdbcUrl the JDBC URL
	 * @param username the user
	 * @param password the password
	 * @param kind {@code docker} or {@code embedded}
	 */
	public record Server(String jdbcUrl, String username, String password, String kind) {
	}

}
