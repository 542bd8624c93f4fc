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

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.probe.NodeRole;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.standins.DatabaseNodes;
import com.example.shop.lab.standins.Postgres;

/**
 * A third PostgreSQL, restored from a base backup and the WAL archive into a folder of
 * its own ({@code backups/restores/STAMP/data}) on port {@link Ports#RESTORE}: what a
 * point-in-time restore on RDS gives, a new instance next to the old one. It never
 * touches {@code db-a} or {@code db-b}. It keeps running for inspection until
 * {@code bin/lab restore --stop} or {@code bin/lab down}.
 */
public final class RestoredCluster {

	/** Recovery replays the archive; on this machine a few seconds per hundred MB. */
	private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(180);

	/**
	 * How PostgreSQL reads a moment: at most microseconds, and the zone as an offset
	 * ({@code Instant.toString()}'s nanoseconds are refused).
	 */
	static final DateTimeFormatter RECOVERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'")
		.withZone(ZoneOffset.UTC);

	private final LabPaths paths;

	private final Postgres postgres;

	public RestoredCluster(LabPaths paths, Postgres postgres) {
		this.paths = paths;
		this.postgres = postgres;
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
		Path folder = newFolder();
		Path data = folder.resolve("data");
		this.postgres.ownedFolder(folder);
		this.postgres.asOwner(List.of("cp", "-a", backup.data().toString(), data.toString()));
		this.postgres.asOwner(List.of("rm", "-f", data.resolve("standby.signal").toString(),
				data.resolve("postmaster.pid").toString()));
		configure(data, target);
		this.postgres.asOwner(List.of("touch", data.resolve("recovery.signal").toString()));
		try {
			this.postgres.pgCtl(data, "-l", folder.resolve("postgresql.log").toString(), "-o", "-p " + Ports.RESTORE,
					"-w", "-t", String.valueOf(RECOVERY_TIMEOUT.toSeconds()), "start");
		}
		catch (LabException ex) {
			throw new LabException(
					"the restored cluster did not start: " + lastLines(folder.resolve("postgresql.log")));
		}
		state.put(new LabState.Component(DatabaseNode.RESTORED.name(), "restore",
				DatabaseNodes.postmasterPid(data).orElse(0L), Ports.RESTORE));
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			if (!Await.until(RECOVERY_TIMEOUT,
					() -> probe.database().asked(DatabaseNode.RESTORED) == NodeRole.PRIMARY)) {
				throw new LabException("the restored cluster did not finish recovery in " + RECOVERY_TIMEOUT.toSeconds()
						+ " s: " + lastLines(folder.resolve("postgresql.log")));
			}
		}
		return folder;
	}

	/**
	 * A folder of its own for each restore, named by when it began: two restores in the
	 * same second must not share one, or the second would recover a cluster that the
	 * first already promoted onto a timeline of its own.
	 */
	private Path newFolder() {
		Path restores = root().resolve("restores");
		String stamp = BaseBackup.STAMP.format(Instant.now());
		Path folder = restores.resolve(stamp);
		for (int n = 2; Files.exists(folder); n++) {
			folder = restores.resolve(stamp + "-" + n);
		}
		return folder;
	}

	/**
	 * Stops every restored cluster still running (fast shutdown); their folders stay.
	 * @param state where they are recorded
	 * @return how many were running
	 */
	public int stop(LabState state) {
		int stopped = this.postgres.stopRestoredClusters();
		state.remove(DatabaseNode.RESTORED.name());
		return stopped;
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
		settings.append("restore_command = 'cp \"").append(root().resolve("wal")).append("/%f\" \"%p\"'\n");
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

	private Path root() {
		return this.postgres.backupRoot();
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
