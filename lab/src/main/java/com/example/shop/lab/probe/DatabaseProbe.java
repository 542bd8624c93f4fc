package com.example.shop.lab.probe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.standins.DatabaseNodes;
import org.jspecify.annotations.Nullable;

/**
 * The database nodes as the lab sees them from outside the application: each node asked
 * directly whether it is a primary ({@code pg_is_in_recovery()}), over a connection of
 * the probe's own that never goes through the fault proxy, so a cut route does not blind
 * it. A node that does not answer within {@link #GLANCE} reads as unreachable; its
 * connection is dropped and opened again on the next look.
 */
public final class DatabaseProbe implements AutoCloseable {

	/** A look at a node's state must not hold up the monitor's second. */
	static final Duration GLANCE = Duration.ofSeconds(2);

	private final Secrets secrets;

	private final @Nullable DatabaseNodes nodes;

	private final Map<String, Connection> connections = new HashMap<>();

	/**
	 * @param secrets the lab's passwords
	 * @param nodes the pair's data folders, to tell a stopped node from an unreachable
	 * one and to ask the primary about replication as the superuser; {@code null} where
	 * PostgreSQL's programs are not installed
	 */
	DatabaseProbe(Secrets secrets, @Nullable DatabaseNodes nodes) {
		this.secrets = secrets;
		this.nodes = nodes;
	}

	/**
	 * What a node says it is, without looking at its process: for the dashboard, which
	 * shows a node that does not answer as unreachable whatever the reason.
	 * @param node the node
	 * @return {@link NodeRole#PRIMARY}, {@link NodeRole#STANDBY} or
	 * {@link NodeRole#UNREACHABLE}
	 */
	public synchronized NodeRole asked(DatabaseNode node) {
		try {
			return query(node, GLANCE, "SELECT pg_is_in_recovery()", (rs) -> rs.getBoolean(1)) ? NodeRole.STANDBY
					: NodeRole.PRIMARY;
		}
		catch (SQLException ex) {
			return NodeRole.UNREACHABLE;
		}
	}

	/**
	 * What a node of the pair is: down when its server does not run, else what it says.
	 * @param node the node
	 * @return its role
	 */
	public NodeRole role(DatabaseNode node) {
		if (this.nodes != null && DatabaseNode.PAIR.contains(node) && !this.nodes.running(node)) {
			return NodeRole.DOWN;
		}
		return asked(node);
	}

	/**
	 * Each node of the pair and its role, in {@link DatabaseNode#PAIR}'s order.
	 * @return the roles
	 */
	public Map<DatabaseNode, NodeRole> roles() {
		Map<DatabaseNode, NodeRole> roles = new LinkedHashMap<>();
		DatabaseNode.PAIR.forEach((node) -> roles.put(node, role(node)));
		return roles;
	}

	/**
	 * The node of the pair that is primary.
	 * @return the node, if one answers as primary
	 */
	public Optional<DatabaseNode> primary() {
		return DatabaseNode.PAIR.stream().filter((node) -> asked(node) == NodeRole.PRIMARY).findFirst();
	}

	/**
	 * The primary, which the caller needs.
	 * @return the node
	 * @throws LabException if no node answers as primary
	 */
	public DatabaseNode requirePrimary() {
		return primary().orElseThrow(() -> new LabException("no database node is primary; see bin/lab status"));
	}

	/**
	 * How many standbys the primary waits for on commit, from the primary's
	 * {@code pg_stat_replication}, which only a superuser may read.
	 * @return the count, 0 when there is no primary or it does not answer
	 */
	public int synchronousStandbys() {
		Optional<DatabaseNode> primary = primary();
		if (primary.isEmpty() || this.nodes == null) {
			return 0;
		}
		try {
			return Integer.parseInt(this.nodes.postgres()
				.query(primary.get(), "postgres",
						"SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'"));
		}
		catch (LabException | NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * Runs one query on a node over the probe's own connection to it.
	 * @param node the node
	 * @param timeout how long the node may take to answer
	 * @param sql the query
	 * @param read reads the first row
	 * @return what {@code read} made of it
	 * @throws SQLException if the node did not answer (the connection is then dropped)
	 */
	synchronized <T> T query(DatabaseNode node, Duration timeout, String sql, Statements.Row<T> read)
			throws SQLException {
		return with(node, timeout, (connection) -> Statements.first(connection, sql, read));
	}

	/**
	 * Works with the probe's connection to a node.
	 * @param node the node
	 * @param timeout how long the node may take to answer each statement
	 * @param work what to do with the connection
	 * @return its result
	 * @throws SQLException if the node did not answer (the connection is then dropped)
	 */
	synchronized <T> T with(DatabaseNode node, Duration timeout, Statements.Work<T> work) throws SQLException {
		try {
			Connection connection = connection(node);
			connection.setNetworkTimeout(Runnable::run, (int) timeout.toMillis());
			return work.on(connection);
		}
		catch (SQLException ex) {
			drop(node);
			throw ex;
		}
	}

	private Connection connection(DatabaseNode node) throws SQLException {
		Connection connection = this.connections.get(node.name());
		if (connection == null || connection.isClosed()) {
			connection = DriverManager.getConnection(
					"jdbc:postgresql://127.0.0.1:%d/orders?connectTimeout=1".formatted(node.port()), "orders",
					this.secrets.databasePassword());
			this.connections.put(node.name(), connection);
		}
		return connection;
	}

	private void drop(DatabaseNode node) {
		Connection connection = this.connections.remove(node.name());
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// it was broken already
			}
		}
	}

	@Override
	public synchronized void close() {
		for (Connection connection : this.connections.values()) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
		}
		this.connections.clear();
	}

}
