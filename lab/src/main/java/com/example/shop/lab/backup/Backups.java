package com.example.shop.lab.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.standins.Postgres;
import com.example.shop.lab.standins.Tools;
import com.example.shop.lab.standins.WalArchive;

/**
 * The lab's backups: base backups of the primary in {@code backups/base/}, the WAL
 * archive that {@link WalArchive} fills in {@code backups/wal/}, and the clusters
 * restored from them in {@code backups/restores/} ({@link RestoredCluster}).
 */
public final class Backups {

	/** How long the archiver may take to archive a segment that was just closed. */
	private static final Duration ARCHIVED_WITHIN = Duration.ofSeconds(30);

	private final LabPaths paths;

	private final Postgres postgres;

	Backups(LabPaths paths, Postgres postgres) {
		this.paths = paths;
		this.postgres = postgres;
	}

	/**
	 * The backups of the lab at these paths.
	 * @param paths the lab
	 * @return its backups
	 * @throws LabException if PostgreSQL is not installed
	 */
	public static Backups of(LabPaths paths) {
		return new Backups(paths, new Postgres(paths,
				Tools.find().orElseThrow(() -> new LabException("PostgreSQL is not installed: is the lab up?"))));
	}

	Postgres postgres() {
		return this.postgres;
	}

	Path root() {
		return this.postgres.backupRoot();
	}

	Path wal() {
		return root().resolve("wal");
	}

	/**
	 * Takes a base backup of the current primary.
	 * @return the backup
	 */
	public BaseBackup take() {
		DatabaseNode primary;
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			primary = probe.database().requirePrimary();
		}
		Instant started = Instant.now();
		String stamp = BaseBackup.STAMP.format(started);
		Path folder = root().resolve("base").resolve(stamp);
		if (Files.exists(folder)) {
			throw new LabException("a backup named " + stamp + " exists already; try again in a second");
		}
		this.postgres.ownedFolder(folder);
		// plain format, checkpoint at once, no WAL: the archive has it, and the backup
		// ends only once the WAL it needs is archived
		this.postgres.asOwner(
				List.of(this.postgres.program("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
						String.valueOf(primary.port()), "-U", "replicator", "-D", folder.resolve("data").toString(),
						"-X", "none", "-c", "fast", "-l", "bin/lab backup"),
				Map.of("PGPASSWORD", Secrets.loadOrCreate(this.paths).replicationPassword()));
		Instant finished = Instant.now();
		BaseBackup backup = new BaseBackup(stamp, folder, started, finished, size(folder.resolve("data")),
				primary.name());
		write(backup);
		return backup;
	}

	/**
	 * Archives the WAL written so far: closes the primary's current segment (which the
	 * archiver takes only once it is closed, or at {@link WalArchive#ARCHIVE_TIMEOUT}),
	 * and waits until that segment is in the archive, so that a restore to the latest
	 * point replays everything committed before this call instead of racing the archiver.
	 * @param primary the primary
	 * @return the segment's file name, e.g. {@code 000000010000000000000007}
	 * @throws LabException if the archiver did not archive it in time
	 */
	public String archiveCurrentSegment(DatabaseNode primary) {
		String segment = this.postgres.query(primary, "postgres", "SELECT pg_walfile_name(pg_switch_wal())");
		Path archived = wal().resolve(segment);
		if (!Await.until(ARCHIVED_WITHIN, () -> Files.exists(archived))) {
			throw new LabException("the archiver did not archive " + segment + " within " + ARCHIVED_WITHIN.toSeconds()
					+ " s; see bin/lab logs " + primary.name());
		}
		return segment;
	}

	/**
	 * The base backups there are, completed ones only.
	 * @return them, oldest first
	 */
	List<BaseBackup> list() {
		Path base = root().resolve("base");
		if (!Files.isDirectory(base)) {
			return List.of();
		}
		try (Stream<Path> folders = Files.list(base)) {
			return folders.filter((folder) -> Files.exists(folder.resolve("backup.properties")))
				.sorted()
				.map(Backups::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static long size(Path folder) {
		String du = Launch.of(List.of("du", "-sb", folder.toString())).run(Duration.ofSeconds(30));
		return Long.parseLong(du.trim().split("\\s+")[0]);
	}

	private static void write(BaseBackup backup) {
		Properties properties = new Properties();
		properties.setProperty("started", backup.started().toString());
		properties.setProperty("finished", backup.finished().toString());
		properties.setProperty("bytes", String.valueOf(backup.bytes()));
		properties.setProperty("node", backup.node());
		try (Writer writer = Files.newBufferedWriter(backup.folder().resolve("backup.properties"))) {
			properties.store(writer, "bin/lab backup");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BaseBackup read(Path folder) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(folder.resolve("backup.properties"))) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new BaseBackup(folder.getFileName().toString(), folder, Instant.parse(properties.getProperty("started")),
				Instant.parse(properties.getProperty("finished")), Long.parseLong(properties.getProperty("bytes")),
				properties.getProperty("node"));
	}

}
