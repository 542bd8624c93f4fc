package com.example.shop.lab.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.host.Tools;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.Database;

/**
 * A third PostgreSQL, restored from a base backup and the WAL archive into a folder of
 * its own ({@code backups/restores/STAMP/data}) on port {@link Ports#RESTORE}: what a
 * point-in-time restore on RDS gives, a new instance next to the old one. It never
 * touches {@code db-a} or {@code db-b}. It keeps running for inspection until
 * {@code bin/lab restore --stop} or {@code bin/lab down}.
 */
public final class RestoredCluster {

	static final Database.Node NODE = new Database.Node("db-restore", Ports.RESTORE);

	/** Recovery replays the archive; on this machine a few seconds per hundred MB. */
	private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(180);

	/**
	 * How PostgreSQL reads a moment: at most microseconds, and the zone as an offset
	 * ({@code Instant.toString()}'s nanoseconds are refused).
	 */
	static final DateTimeFormatter RECOVERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'")
		.withZone(ZoneOffset.UTC);

	private final Database database;

	private final Backups backups;

	private final Tools tools;

	RestoredCluster(Database database, Backups backups, Tools tools) {
		this.database = database;
		this.backups = backups;
		this.tools = tools;
	}

	/**
	 * Restores a base backup into a new folder, replays the archive up to the target,
	 * promotes, and returns once the cluster accepts writes. A cluster restored earlier
	 * is stopped first; its folder stays.
	 * @param backup the base backup
	 * @param target where recovery stops
	 * @param state where the cluster is recorded
	 * @return the new cluster's folder
	 */
	Path restore(BaseBackup backup, RestoreTarget target, LabState state) {
		stop(state);
		Path folder = this.backups.root().resolve("restores").resolve(BaseBackup.STAMP.format(Instant.now()));
		Path data = folder.resolve("data");
		this.database.ownedFolder(folder);
		this.database.asOwner(List.of("cp", "-a", backup.data().toString(), data.toString()));
		this.database.asOwner(List.of("rm", "-f", data.resolve("standby.signal").toString(),
				data.resolve("postmaster.pid").toString()));
		configure(data, target);
		this.database.asOwner(List.of("touch", data.resolve("recovery.signal").toString()));
		try {
			pgCtl(data, "-l", folder.resolve("postgresql.log").toString(), "-o", "-p " + Ports.RESTORE, "-w", "-t",
					String.valueOf(RECOVERY_TIMEOUT.toSeconds()), "start");
		}
		catch (LabException ex) {
			throw new LabException(
					"the restored cluster did not start: " + lastLines(folder.resolve("postgresql.log")));
		}
		state.put(new LabState.Component(NODE.name(), "restore", postmasterPid(data).orElse(0L), Ports.RESTORE));
		if (!Processes.await(RECOVERY_TIMEOUT, () -> "f".equals(inRecovery()))) {
			throw new LabException("the restored cluster did not finish recovery in " + RECOVERY_TIMEOUT.toSeconds()
					+ " s: " + lastLines(folder.resolve("postgresql.log")));
		}
		return folder;
	}

	/**
	 * Stops every restored cluster still running (fast shutdown); their folders stay.
	 * @param state where they are recorded
	 * @return how many were running
	 */
	int stop(LabState state) {
		int stopped = 0;
		for (Path data : dataFolders()) {
			if (postmasterPid(data).map(Processes::isAlive).orElse(false)) {
				pgCtl(data, "-m", "fast", "-w", "-t", "60", "stop");
				stopped++;
			}
		}
		state.remove(NODE.name());
		return stopped;
	}

	/**
	 * Stops every restored cluster, for {@code bin/lab down}.
	 * @param database the lab's database
	 * @param state where they are recorded
	 */
	public static void stopAll(Database database, LabState state) {
		Tools.find().ifPresent((tools) -> new RestoredCluster(database, new Backups(database), tools).stop(state));
	}

	private String inRecovery() {
		try {
			return this.database.query(NODE, "SELECT pg_is_in_recovery()");
		}
		catch (LabException ex) {
			return "unreachable";
		}
	}

	/**
	 * The restored cluster's own settings, last in {@code postgresql.auto.conf} so they
	 * win over what the backup carried: no archiving (its new timeline must not mix with
	 * the lab's archive), no synchronous standby to wait for, WAL from the archive, and
	 * promotion where recovery stops.
	 */
	private void configure(Path data, RestoreTarget target) {
		StringBuilder settings = new StringBuilder("\n# bin/lab restore\n");
		settings.append("port = ").append(Ports.RESTORE).append('\n');
		settings.append("archive_mode = off\n");
		settings.append("synchronous_standby_names = ''\n");
		settings.append("primary_conninfo = ''\n");
		settings.append("restore_command = 'cp \"").append(this.backups.wal()).append("/%f\" \"%p\"'\n");
		target.at()
			.ifPresent((time) -> settings.append("recovery_target_time = '")
				.append(RECOVERY_TIME.format(time))
				.append("'\n"));
		settings.append("recovery_target_action = 'promote'\n");
		try {
			Files.writeString(data.resolve("postgresql.auto.conf"), settings, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void pgCtl(Path data, String... arguments) {
		List<String> command = new java.util.ArrayList<>(
				List.of(this.tools.postgres("pg_ctl").toString(), "-D", data.toString()));
		command.addAll(List.of(arguments));
		this.database.asOwner(command);
	}

	private List<Path> dataFolders() {
		Path restores = this.backups.root().resolve("restores");
		if (!Files.isDirectory(restores)) {
			return List.of();
		}
		try (Stream<Path> folders = Files.list(restores)) {
			return folders.map((folder) -> folder.resolve("data")).filter(Files::isDirectory).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Long> postmasterPid(Path data) {
		Path pidFile = data.resolve("postmaster.pid");
		try {
			return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
					: Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static String lastLines(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
		}
		catch (IOException ex) {
			return "no log at " + log;
		}
	}

}
