package com.example.shop.lab.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.shop.lab.backup.WalArchive;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.host.Tools;
import com.example.shop.lab.host.Zones;
import com.example.shop.lab.process.Processes;

/**
 * The lab's RDS Multi-AZ: two PostgreSQL nodes, {@code db-a} and {@code db-b}, one
 * primary and one synchronous streaming standby, so a commit is acknowledged only once it
 * is on both. The applications connect with a multi-host JDBC URL and
 * {@code targetServerType=primary}, so they find whichever node is primary. Run as root
 * (as on CI machines), the servers run as the {@code postgres} user, which PostgreSQL
 * requires.
 */
public final class Database {

	public static final List<Node> NODES = List.of(new Node("db-a", Ports.DATABASE_A), new Node("db-b", Ports.DATABASE_B));

	private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(90);

	private static final String STANDBY_MARK = "# bin/lab: the primary this standby follows";

	private final Tools tools;

	private final Secrets secrets;

	private final Path root;

	private final Path backupRoot;

	public Database(LabPaths paths, Tools tools, Secrets secrets) {
		this.tools = tools;
		this.secrets = secrets;
		this.root = dataRoot(paths);
		this.backupRoot = backupRoot(paths);
	}

	/**
	 * The JDBC URL the lab itself uses, straight to both nodes: the driver picks the
	 * primary. Instances go through the fault proxy instead
	 * ({@link FaultProxies#jdbcUrl}).
	 */
	public static String jdbcUrl() {
		return jdbcUrl(Ports.DATABASE_A, Ports.DATABASE_B);
	}

	public static String jdbcUrl(int portA, int portB) {
		return "jdbc:postgresql://127.0.0.1:%d,127.0.0.1:%d/orders?targetServerType=primary".formatted(portA, portB);
	}

	/**
	 * Starts both nodes, creating them on the first run: the primary from {@code initdb},
	 * the standby as a base backup of it. On later runs, whichever node is the primary on
	 * disk (the one without {@code standby.signal}) starts first, so the lab restarts the
	 * same way after a failover and a rebuild. Returns once the standby is streaming
	 * synchronously.
	 * @param state where to record the nodes' pids
	 */
	public void up(LabState state) {
		boolean fresh = NODES.stream().noneMatch(this::initialized);
		if (fresh) {
			prepareRoot();
			initPrimary(NODES.get(0));
		}
		archiveWal();
		Node primary = primaryOnDisk();
		Node standby = other(primary);
		start(primary, state);
		if (fresh) {
			createRolesAndDatabase(primary);
		}
		if (!initialized(standby)) {
			cloneStandby(primary, standby);
		}
		start(standby, state);
		requireSynchronousStandby(primary);
	}

	/**
	 * Turns the old primary, stopped by a failover, into a standby of the new one: its
	 * data folder is deleted and taken again as a base backup of the new primary, and
	 * commits wait for it again once it streams. This is what RDS does on its own after a
	 * Multi-AZ failover.
	 * @param primary the new primary
	 * @param state where the nodes are recorded
	 * @return the rebuilt standby
	 */
	public Node rebuildStandby(Node primary, LabState state) {
		if (!"primary".equals(role(primary))) {
			throw new LabException(primary.name() + " is not a running primary; nothing to rebuild a standby from");
		}
		Node standby = other(primary);
		if (running(standby)) {
			// a second primary must not live on next to the new one
			asOwner(List.of(this.tools.postgres("pg_ctl").toString(), "-D", dataDir(standby).toString(), "-m",
					"immediate", "stop"));
		}
		deleteTree(dataDir(standby));
		cloneStandby(primary, standby);
		start(standby, state);
		requireSynchronousStandby(primary);
		return standby;
	}

	/**
	 * The other node of the pair.
	 * @param node one node
	 * @return the other
	 */
	public static Node other(Node node) {
		return NODES.stream().filter((candidate) -> !candidate.equals(node)).findFirst().orElseThrow();
	}

	/**
	 * Stops both nodes (fast shutdown: sessions are closed, committed work is kept).
	 * @param state where their pids are recorded
	 */
	public void down(LabState state) {
		for (Node node : NODES.reversed()) {
			if (running(node)) {
				asOwner(List.of(this.tools.postgres("pg_ctl").toString(), "-D", dataDir(node).toString(), "-m", "fast",
						"-w", "-t", "60", "stop"));
			}
			state.remove(node.name());
		}
	}

	/**
	 * Fails over as RDS Multi-AZ does when the primary's host dies: the primary stops at
	 * once (no shutdown checkpoint, connections cut), the standby is promoted, and the
	 * new primary commits without waiting for a standby until one is rebuilt.
	 * @param state where the nodes are recorded
	 * @return the new primary
	 */
	public Node failover(LabState state) {
		Node primary = NODES.stream()
			.filter((node) -> "primary".equals(role(node)))
			.findFirst()
			.orElseThrow(() -> new LabException("no primary to fail over from"));
		Node standby = NODES.stream()
			.filter((node) -> "standby".equals(role(node)))
			.findFirst()
			.orElseThrow(() -> new LabException("no standby to fail over to"));
		asOwner(List.of(this.tools.postgres("pg_ctl").toString(), "-D", dataDir(primary).toString(), "-m", "immediate",
				"stop"));
		state.remove(primary.name());
		asOwner(List.of(this.tools.postgres("pg_ctl").toString(), "-D", dataDir(standby).toString(), "-w", "-t", "60",
				"promote"));
		sql(standby, "ALTER SYSTEM SET synchronous_standby_names = ''");
		sql(standby, "SELECT pg_reload_conf()");
		return standby;
	}

	/**
	 * Loses the standby, as when its zone fails: it stops at once, and the primary stops
	 * waiting for it on commit, as RDS does while it replaces a Multi-AZ standby; until a
	 * new standby streams, a commit is on one node only.
	 * @param standby the standby
	 * @param state where the nodes are recorded
	 * @return the primary, now alone
	 */
	public Node loseStandby(Node standby, LabState state) {
		Node primary = other(standby);
		if (!"primary".equals(role(primary))) {
			throw new LabException(primary.name() + " is not a running primary");
		}
		asOwner(List.of(this.tools.postgres("pg_ctl").toString(), "-D", dataDir(standby).toString(), "-m", "immediate",
				"stop"));
		state.remove(standby.name());
		sql(primary, "ALTER SYSTEM SET synchronous_standby_names = ''");
		sql(primary, "SELECT pg_reload_conf()");
		return primary;
	}

	/**
	 * The node in a zone.
	 * @param zone {@code a} or {@code b}
	 * @return {@code db-a} or {@code db-b}
	 */
	public static Node inZone(String zone) {
		return NODES.stream()
			.filter((node) -> Zones.of(node.name()).orElseThrow().equals(zone))
			.findFirst()
			.orElseThrow(() -> new LabException("no database node in zone " + zone));
	}

	/** Deletes the data folders, and the backups with them. */
	public void purge() {
		deleteTree(this.root);
		deleteTree(this.backupRoot);
	}

	/**
	 * The running primary.
	 * @return the node
	 * @throws LabException if neither node is a running primary
	 */
	public Node primary() {
		return NODES.stream()
			.filter((node) -> "primary".equals(role(node)))
			.findFirst()
			.orElseThrow(() -> new LabException("no database node is primary; see bin/lab status"));
	}

	/**
	 * Base backups, the WAL archive and restored clusters: beside the data folders, so
	 * the {@code postgres} user can write there whenever it can write those.
	 * @return the folder
	 */
	public Path backupRoot() {
		return this.backupRoot;
	}

	/**
	 * Takes a base backup of a node into a new folder: plain format, checkpoint at once,
	 * no WAL (the archive has it: the backup ends only once the WAL it needs is
	 * archived).
	 * @param primary the node to back up
	 * @param target the folder to create
	 */
	public void baseBackup(Node primary, Path target) {
		asOwner(List.of(this.tools.postgres("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
				String.valueOf(primary.port()), "-U", "replicator", "-D", target.toString(), "-X", "none", "-c", "fast",
				"-l", "bin/lab backup"), Map.of("PGPASSWORD", this.secrets.replicationPassword()));
	}

	/**
	 * Archives the WAL written so far: closes the primary's current segment, so that it
	 * is archived now rather than when it fills up or at
	 * {@link WalArchive#ARCHIVE_TIMEOUT}.
	 * @param primary the primary
	 */
	public void switchWal(Node primary) {
		query(primary, "SELECT pg_switch_wal()");
	}

	boolean running(Node node) {
		return postmasterPid(node).map(Processes::isAlive).orElse(false);
	}

	Optional<Long> postmasterPid(Node node) {
		Path pidFile = dataDir(node).resolve("postmaster.pid");
		try {
			return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
					: Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether a node is a primary or a standby, asked of the node itself.
	 * @param node the node
	 * @return {@code primary}, {@code standby} or {@code down}
	 */
	public String role(Node node) {
		if (!running(node)) {
			return "down";
		}
		try {
			return "t".equals(query(node, "SELECT pg_is_in_recovery()")) ? "standby" : "primary";
		}
		catch (LabException ex) {
			return "unreachable";
		}
	}

	/**
	 * Creates (or re-creates) a scratch database with the orders schema, its indexes and
	 * constraints and the product catalogue, but none of the orders: what a benchmark
	 * writes into without touching the real orders, on the same primary and replicated to
	 * the same synchronous standby.
	 * @param name the scratch database
	 * @return the node it was created on, the primary
	 */
	public Node createSchemaCopy(String name) {
		Node primary = NODES.stream()
			.filter((node) -> "primary".equals(role(node)))
			.findFirst()
			.orElseThrow(() -> new LabException("no database node is primary; see bin/lab status"));
		Path dump = sockets().resolve(name + ".sql");
		asOwner(List.of(this.tools.postgres("pg_dump").toString(), "-h", sockets().toString(), "-p",
				String.valueOf(primary.port()), "-U", "postgres", "-d", "orders", "--exclude-table-data=orders",
				"--exclude-table-data=order_lines", "--exclude-table-data=outbox", "-f", dump.toString()));
		dropScratch(name);
		sql(primary, "CREATE DATABASE " + name + " OWNER orders");
		asOwner(List.of(this.tools.postgres("psql").toString(), "-h", sockets().toString(), "-p",
				String.valueOf(primary.port()), "-U", "postgres", "-d", name, "-qX", "-v", "ON_ERROR_STOP=1", "-f",
				dump.toString()));
		return primary;
	}

	/**
	 * Drops a scratch database made by {@link #createSchemaCopy}, if it exists.
	 * @param name the scratch database
	 */
	public void dropScratch(String name) {
		NODES.stream()
			.filter((node) -> "primary".equals(role(node)))
			.findFirst()
			.ifPresent((primary) -> sql(primary, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
	}

	/**
	 * A PostgreSQL program of this installation, e.g. {@code pgbench}.
	 * @param program its name
	 * @return its path
	 */
	public Path program(String program) {
		return this.tools.postgres(program);
	}

	/** How many standbys the primary waits for on commit. */
	public int synchronousStandbys() {
		for (Node node : NODES) {
			if ("primary".equals(role(node))) {
				String count = query(node, "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'");
				return Integer.parseInt(count);
			}
		}
		return 0;
	}

	public String query(Node node, String sql) {
		return query(node, "postgres", sql);
	}

	/**
	 * Runs one SQL statement on a node, as the superuser, over its Unix socket.
	 * @param node the node
	 * @param database the database
	 * @param sql the statement
	 * @return its output, unaligned
	 */
	public String query(Node node, String database, String sql) {
		return asOwner(List.of(this.tools.postgres("psql").toString(), "-h", sockets().toString(), "-p",
				String.valueOf(node.port()), "-U", "postgres", "-d", database, "-tAXc", sql))
			.trim();
	}

	public Path log(Node node) {
		return this.root.resolve(node.name() + ".log");
	}

	private void sql(Node node, String sql) {
		query(node, sql);
	}

	/**
	 * The node that starts as the primary: the initialized one without
	 * {@code standby.signal}. Two such nodes happen after a failover whose old primary
	 * was not rebuilt; starting both would split the data, so the lab refuses.
	 */
	private Node primaryOnDisk() {
		List<Node> primaries = NODES.stream().filter((node) -> initialized(node) && !isStandby(node)).toList();
		if (primaries.size() > 1) {
			throw new LabException("after a failover both database nodes are primaries; starting both would split "
					+ "the data. Start afresh with bin/lab down --purge, then bin/lab up.");
		}
		if (primaries.isEmpty()) {
			throw new LabException("neither database node is a primary (both have standby.signal in " + this.root
					+ "); start afresh with bin/lab down --purge, then bin/lab up.");
		}
		return primaries.getFirst();
	}

	/**
	 * Makes the primary wait for a standby on commit, and waits until one streams
	 * synchronously.
	 */
	private void requireSynchronousStandby(Node primary) {
		if (!"*".equals(query(primary, "SHOW synchronous_standby_names"))) {
			sql(primary, "ALTER SYSTEM SET synchronous_standby_names = '*'");
			sql(primary, "SELECT pg_reload_conf()");
		}
		if (!Processes.await(Duration.ofSeconds(60), () -> synchronousStandbys() > 0)) {
			throw new LabException("the standby did not become synchronous; see bin/lab logs " + other(primary).name());
		}
	}

	private boolean isStandby(Node node) {
		return Files.exists(dataDir(node).resolve("standby.signal"));
	}

	private boolean initialized(Node node) {
		return Files.exists(dataDir(node).resolve("PG_VERSION"));
	}

	private void initPrimary(Node node) {
		asOwner(List.of(this.tools.postgres("initdb").toString(), "-D", dataDir(node).toString(), "-U", "postgres",
				"--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"));
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
				""".formatted(sockets()));
	}

	private void createRolesAndDatabase(Node primary) {
		sql(primary, "CREATE ROLE orders LOGIN PASSWORD '%s'".formatted(this.secrets.databasePassword()));
		sql(primary,
				"CREATE ROLE replicator REPLICATION LOGIN PASSWORD '%s'".formatted(this.secrets.replicationPassword()));
		sql(primary, "CREATE DATABASE orders OWNER orders");
	}

	private void cloneStandby(Node primary, Node standby) {
		asOwner(List.of(this.tools.postgres("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
				String.valueOf(primary.port()), "-U", "replicator", "-D", dataDir(standby).toString(), "-X", "stream",
				"-c", "fast"), Map.of("PGPASSWORD", this.secrets.replicationPassword()));
		followPrimary(standby, primary);
		asOwner(List.of("touch", dataDir(standby).resolve("standby.signal").toString()));
	}

	/**
	 * Points a standby at its primary. The configuration was copied from the primary, and
	 * may name the node that primary once followed itself, so that line is replaced.
	 */
	private void followPrimary(Node standby, Node primary) {
		Path config = dataDir(standby).resolve("postgresql.conf");
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

	private void start(Node node, LabState state) {
		if (!running(node)) {
			asOwner(List.of(this.tools.postgres("pg_ctl").toString(), "-D", dataDir(node).toString(), "-l",
					log(node).toString(), "-o", "-p " + node.port(), "-w", "-t", "60", "start"));
		}
		state.put(new LabState.Component(node.name(), "database", postmasterPid(node).orElse(0L), node.port()));
	}

	private void appendConfig(Node node, String lines) {
		try {
			Files.writeString(dataDir(node).resolve("postgresql.conf"), "\n# bin/lab\n" + lines,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String asOwner(List<String> command) {
		return asOwner(command, Map.of());
	}

	/**
	 * Runs a command as the owner of the data folders: the {@code postgres} user when the
	 * lab runs as root, else the lab's own user.
	 * @param command the command line
	 * @param environment added to the environment
	 * @return its output
	 */
	public String asOwner(List<String> command, Map<String, String> environment) {
		List<String> line = new ArrayList<>();
		if (Tools.isRoot()) {
			line.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		line.addAll(command);
		return Processes.run(line, environment, PG_CTL_TIMEOUT);
	}

	private Path dataDir(Node node) {
		return this.root.resolve(node.name());
	}

	Path sockets() {
		return this.root.resolve("sockets");
	}

	/**
	 * Sets every initialized node up to archive its WAL (see {@link WalArchive}), and
	 * restarts a running node whose settings changed: a lab created before archiving
	 * existed gets it on its next {@code up}, without {@code down --purge}.
	 */
	private void archiveWal() {
		Path wal = this.backupRoot.resolve("wal");
		ownedFolder(wal);
		for (Node node : NODES) {
			if (initialized(node) && WalArchive.configure(dataDir(node).resolve("postgresql.conf"), wal)
					&& running(node)) {
				asOwner(List.of(this.tools.postgres("pg_ctl").toString(), "-D", dataDir(node).toString(), "-l",
						log(node).toString(), "-o", "-p " + node.port(), "-m", "fast", "-w", "-t", "60", "restart"));
			}
		}
	}

	/**
	 * Creates a folder the {@code postgres} user can write to.
	 * @param folder the folder
	 */
	public void ownedFolder(Path folder) {
		try {
			Files.createDirectories(folder);
			if (Tools.isRoot()) {
				Processes.run(List.of("chown", "-R", "postgres:postgres", this.backupRoot.toString()),
						Duration.ofSeconds(30));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void prepareRoot() {
		try {
			Files.createDirectories(sockets());
			if (Tools.isRoot()) {
				Processes.run(List.of("chown", "-R", "postgres:postgres", this.root.toString()),
						Duration.ofSeconds(30));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The data lives in {@code .lab/pg}, unless the lab runs as root in a folder the
	 * {@code postgres} user cannot reach (such as {@code /root}); then in
	 * {@code /var/tmp}.
	 */
	private static Path dataRoot(LabPaths paths) {
		Path inRepo = paths.state().resolve("pg");
		if (!Tools.isRoot() || reachableByOthers(paths.state())) {
			return inRepo;
		}
		String id = HexFormat.of().toHexDigits(paths.repo().toString().hashCode());
		return Path.of("/var/tmp/orders-lab-" + id, "pg");
	}

	/**
	 * Beside the data folders: {@code .lab/backups} when the data is in {@code .lab/pg}.
	 * @param paths the lab's paths
	 * @return the folder for backups
	 */
	public static Path backupRoot(LabPaths paths) {
		return dataRoot(paths).resolveSibling("backups");
	}

	private static boolean reachableByOthers(Path folder) {
		for (Path dir = folder.toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (!Files.exists(dir)) {
				continue;
			}
			try {
				if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
					return false;
				}
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

	public static void deleteTree(Path path) {
		if (Files.exists(path)) {
			Processes.run(List.of("rm", "-rf", path.toString()), Duration.ofMinutes(1));
		}
	}

	/**
	 * One database node.
	 *
	 * @param name its name
	 * @param port its port
	 */
	public record Node(String name, int port) {

		String applicationName() {
			return this.name.replace('-', '_');
		}

	}

}
