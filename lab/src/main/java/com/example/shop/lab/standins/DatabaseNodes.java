package com.example.shop.lab.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.process.Processes;

/**
 * The data folders and servers of the lab's two PostgreSQL nodes, {@code db-a} and
 * {@code db-b}, one step at a time: create the first primary, clone a standby from a
 * primary, start, stop, promote, tell a primary whether to wait for a standby on commit.
 * Which node to do what to, and when, is decided above this class, with what the probe
 * reads of the running nodes ({@code fleet.DatabasePair}). A node's data folder is the
 * truth about what it is on disk: a standby has {@code standby.signal}.
 */
public final class DatabaseNodes {

	private static final String STANDBY_MARK = "# bin/lab: the primary this standby follows";

	private final Postgres postgres;

	private final Secrets secrets;

	public DatabaseNodes(LabPaths paths, Tools tools, Secrets secrets) {
		this.postgres = new Postgres(paths, tools);
		this.secrets = secrets;
	}

	public Postgres postgres() {
		return this.postgres;
	}

	/**
	 * Whether neither node has been created yet.
	 * @return {@code true} on the first {@code bin/lab up}
	 */
	public boolean fresh() {
		return DatabaseNode.PAIR.stream().noneMatch(this::initialized);
	}

	public boolean initialized(DatabaseNode node) {
		return Files.exists(this.postgres.dataDir(node).resolve("PG_VERSION"));
	}

	public boolean running(DatabaseNode node) {
		return postmasterPid(this.postgres.dataDir(node)).map(Processes::isAlive).orElse(false);
	}

	/**
	 * The postmaster's pid, as its data folder records it.
	 * @param data a data folder
	 * @return the pid, if the folder has a {@code postmaster.pid}
	 */
	public static Optional<Long> postmasterPid(Path data) {
		Path pidFile = data.resolve("postmaster.pid");
		try {
			return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
					: Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The node that starts as the primary: the initialized one without
	 * {@code standby.signal}. Two such nodes happen after a failover whose old primary
	 * was not rebuilt; starting both would split the data, so the lab refuses.
	 * @return the node
	 * @throws LabException if there is not exactly one
	 */
	public DatabaseNode primaryOnDisk() {
		List<DatabaseNode> primaries = DatabaseNode.PAIR.stream()
			.filter((node) -> initialized(node) && !Files.exists(this.postgres.dataDir(node).resolve("standby.signal")))
			.toList();
		if (primaries.size() > 1) {
			throw new LabException("after a failover both database nodes are primaries; starting both would split "
					+ "the data. Start afresh with bin/lab down --purge, then bin/lab up.");
		}
		if (primaries.isEmpty()) {
			throw new LabException("neither database node is a primary (both have standby.signal in "
					+ this.postgres.root() + "); start afresh with bin/lab down --purge, then bin/lab up.");
		}
		return primaries.getFirst();
	}

	/**
	 * Creates the first primary with {@code initdb} and the lab's settings; after it
	 * starts, {@link #createRolesAndDatabase} gives it the application's database.
	 * @param node the node
	 */
	public void createPrimary(DatabaseNode node) {
		this.postgres.prepareRoot();
		this.postgres
			.asOwner(List.of(this.postgres.program("initdb").toString(), "-D", this.postgres.dataDir(node).toString(),
					"-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"));
		appendConfig(node, """
				listen_addresses = '127.0.0.1'
				unix_socket_directories = '%s'
				wal_level = replica
				max_wal_senders = 10
				wal_keep_size = '512MB'
				hot_standby = on
				# A standby whose primary died waits this long between looks for WAL, and
				# notices a promotion only then: the default 5 s would be most of a failover.
				wal_retrieve_retry_interval = '200ms'
				synchronous_commit = on
				shared_buffers = '64MB'
				max_connections = 100
				""".formatted(this.postgres.sockets()));
	}

	/**
	 * The application's role and database, and the standby's replication role.
	 * @param primary the new, running primary
	 */
	public void createRolesAndDatabase(DatabaseNode primary) {
		sql(primary, "CREATE ROLE orders LOGIN PASSWORD '%s'".formatted(this.secrets.databasePassword()));
		sql(primary,
				"CREATE ROLE replicator REPLICATION LOGIN PASSWORD '%s'".formatted(this.secrets.replicationPassword()));
		sql(primary, "CREATE DATABASE orders OWNER orders");
	}

	/**
	 * Makes a node a standby of a primary: its data folder is taken as a base backup of
	 * the primary and set to follow it.
	 * @param primary the running primary
	 * @param standby the node, not initialized
	 */
	public void cloneStandby(DatabaseNode primary, DatabaseNode standby) {
		Path data = this.postgres.dataDir(standby);
		this.postgres.asOwner(List.of(this.postgres.program("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
				String.valueOf(primary.port()), "-U", "replicator", "-D", data.toString(), "-X", "stream", "-c",
				"fast"), Map.of("PGPASSWORD", this.secrets.replicationPassword()));
		followPrimary(standby, primary);
		this.postgres.asOwner(List.of("touch", data.resolve("standby.signal").toString()));
	}

	/**
	 * Points a standby at its primary. The configuration was copied from the primary, and
	 * may name the node that primary once followed itself, so that line is replaced.
	 */
	private void followPrimary(DatabaseNode standby, DatabaseNode primary) {
		Path config = this.postgres.dataDir(standby).resolve("postgresql.conf");
		try {
			List<String> lines = new ArrayList<>(Files.readAllLines(config));
			lines.removeIf((line) -> line.startsWith("primary_conninfo") || line.equals(STANDBY_MARK));
			lines.add(STANDBY_MARK);
			lines.add("primary_conninfo = 'host=127.0.0.1 port=%d user=replicator password=%s application_name=%s'"
				.formatted(primary.port(), this.secrets.replicationPassword(), standby.applicationName()));
			Files.write(config, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a node unless it runs, and records it.
	 * @param node the node
	 * @param state where the lab records its components
	 */
	public void start(DatabaseNode node, LabState state) {
		if (!running(node)) {
			this.postgres.pgCtl(this.postgres.dataDir(node), "-l", this.postgres.log(node).toString(), "-o",
					"-p " + node.port(), "-w", "-t", "60", "start");
		}
		state.put(new LabState.Component(node.name(), "database", postmasterPid(this.postgres.dataDir(node)).orElse(0L),
				node.port()));
	}

	/**
	 * Stops a node the way its host would: {@code fast} (sessions closed, committed work
	 * kept) or {@code immediate} (no shutdown checkpoint, connections cut, as a crash).
	 * @param node the node
	 * @param immediate whether to stop it as a crash would
	 * @param state where the lab records its components
	 */
	public void stop(DatabaseNode node, boolean immediate, LabState state) {
		if (running(node)) {
			if (immediate) {
				this.postgres.pgCtl(this.postgres.dataDir(node), "-m", "immediate", "stop");
			}
			else {
				this.postgres.pgCtl(this.postgres.dataDir(node), "-m", "fast", "-w", "-t", "60", "stop");
			}
		}
		state.remove(node.name());
	}

	/**
	 * Promotes a standby to primary.
	 * @param standby the node
	 */
	public void promote(DatabaseNode standby) {
		this.postgres.pgCtl(this.postgres.dataDir(standby), "-w", "-t", "60", "promote");
	}

	/**
	 * Whether a primary waits on commit for a standby ({@code *}) or for none.
	 * @param primary the primary
	 * @param wait whether commits wait for a synchronous standby
	 */
	public void waitForStandbyOnCommit(DatabaseNode primary, boolean wait) {
		String names = wait ? "*" : "";
		if (!names.equals(this.postgres.query(primary, "postgres", "SHOW synchronous_standby_names"))) {
			sql(primary, "ALTER SYSTEM SET synchronous_standby_names = '" + names + "'");
			sql(primary, "SELECT pg_reload_conf()");
		}
	}

	/**
	 * Deletes a stopped node's data folder, so it can be cloned afresh.
	 * @param node the node
	 */
	public void deleteData(DatabaseNode node) {
		Postgres.deleteTree(this.postgres.dataDir(node));
	}

	/**
	 * Sets every initialized node up to archive its WAL (see {@link WalArchive}), and
	 * restarts a running node whose settings changed: a lab created before archiving
	 * existed gets it on its next {@code up}, without {@code down --purge}.
	 */
	public void archiveWal() {
		Path wal = this.postgres.backupRoot().resolve("wal");
		this.postgres.ownedFolder(wal);
		for (DatabaseNode node : DatabaseNode.PAIR) {
			Path data = this.postgres.dataDir(node);
			if (initialized(node) && WalArchive.configure(data.resolve("postgresql.conf"), wal) && running(node)) {
				this.postgres.pgCtl(data, "-l", this.postgres.log(node).toString(), "-o", "-p " + node.port(), "-m",
						"fast", "-w", "-t", "60", "restart");
			}
		}
	}

	/** Deletes the data folders, and the backups with them. */
	public void purge() {
		this.postgres.purge();
	}

	private void sql(DatabaseNode node, String sql) {
		this.postgres.query(node, "postgres", sql);
	}

	private void appendConfig(DatabaseNode node, String lines) {
		try {
			Files.writeString(this.postgres.dataDir(node).resolve("postgresql.conf"), "\n# bin/lab\n" + lines,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
