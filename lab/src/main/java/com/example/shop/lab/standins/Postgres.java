package com.example.shop.lab.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.process.Processes;

/**
 * PostgreSQL's own programs ({@code initdb}, {@code pg_ctl}, {@code psql},
 * {@code pg_basebackup}, {@code pg_dump}), run as the owner of the lab's data folders,
 * and where those folders are. Run as root (as on CI machines), the servers and their
 * files belong to the {@code postgres} user, which PostgreSQL requires; otherwise to the
 * lab's own user. Every superuser statement goes over the nodes' Unix socket, which the
 * fault proxy never cuts.
 */
public final class Postgres {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private final Tools tools;

	private final Path root;

	private final Path backupRoot;

	public Postgres(LabPaths paths, Tools tools) {
		this.tools = tools;
		this.root = dataRoot(paths);
		this.backupRoot = backupRoot(paths);
	}

	/**
	 * A PostgreSQL program of this installation, e.g. {@code pgbench}.
	 * @param program its name
	 * @return its path
	 */
	public Path program(String program) {
		return this.tools.postgres(program);
	}

	/** The data folders of the pair, their logs and their sockets live here. */
	Path root() {
		return this.root;
	}

	/**
	 * Base backups, the WAL archive and restored clusters: beside the data folders, so
	 * the {@code postgres} user can write there whenever it can write those.
	 * @return the folder
	 */
	public Path backupRoot() {
		return this.backupRoot;
	}

	Path dataDir(DatabaseNode node) {
		return this.root.resolve(node.name());
	}

	public Path log(DatabaseNode node) {
		return this.root.resolve(node.name() + ".log");
	}

	Path sockets() {
		return this.root.resolve("sockets");
	}

	/**
	 * Runs one SQL statement on a node, as the superuser, over its Unix socket.
	 * @param node the node
	 * @param database the database
	 * @param sql the statement
	 * @return its output, unaligned
	 */
	public String query(DatabaseNode node, String database, String sql) {
		return asOwner(List.of(program("psql").toString(), "-h", sockets().toString(), "-p",
				String.valueOf(node.port()), "-U", "postgres", "-d", database, "-tAXc", sql))
			.trim();
	}

	/**
	 * Runs {@code pg_ctl} on a data folder.
	 * @param data the data folder
	 * @param arguments what to do, e.g. {@code -m fast stop}
	 */
	public void pgCtl(Path data, String... arguments) {
		List<String> command = new ArrayList<>(List.of(program("pg_ctl").toString(), "-D", data.toString()));
		command.addAll(List.of(arguments));
		asOwner(command);
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
		return Launch.of(line).environment(environment).run(TIMEOUT);
	}

	/**
	 * Creates a folder beside the data folders that the {@code postgres} user can write
	 * to.
	 * @param folder the folder
	 */
	public void ownedFolder(Path folder) {
		own(folder, this.backupRoot);
	}

	/** Creates the data root with its socket folder, owned by the data folders' owner. */
	void prepareRoot() {
		own(sockets(), this.root);
	}

	private static void own(Path folder, Path tree) {
		try {
			Files.createDirectories(folder);
			if (Tools.isRoot()) {
				Launch.of(List.of("chown", "-R", "postgres:postgres", tree.toString())).run(Duration.ofSeconds(30));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops every cluster restored from the backups that still runs (fast shutdown), as
	 * {@code bin/lab restore --stop} and {@code down} do; their folders stay.
	 * @return how many were running
	 */
	public int stopRestoredClusters() {
		Path restores = this.backupRoot.resolve("restores");
		if (!Files.isDirectory(restores)) {
			return 0;
		}
		int stopped = 0;
		try (Stream<Path> folders = Files.list(restores)) {
			for (Path data : folders.map((folder) -> folder.resolve("data"))
				.filter(Files::isDirectory)
				.sorted()
				.toList()) {
				if (DatabaseNodes.postmasterPid(data).map(Processes::isAlive).orElse(false)) {
					pgCtl(data, "-m", "fast", "-w", "-t", "60", "stop");
					stopped++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return stopped;
	}

	/** Deletes the data folders, and the backups with them. */
	void purge() {
		deleteTree(this.root);
		deleteTree(this.backupRoot);
	}

	/**
	 * Deletes a folder and everything in it, whoever owns the files.
	 * @param path the folder
	 */
	public static void deleteTree(Path path) {
		if (Files.exists(path)) {
			Launch.of(List.of("rm", "-rf", path.toString())).run(Duration.ofMinutes(1));
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

}
