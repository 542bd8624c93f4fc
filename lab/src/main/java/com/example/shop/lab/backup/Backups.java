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
import java.util.Properties;
import java.util.stream.Stream;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.Database;

/**
 * The lab's backups: base backups of the primary in {@code backups/base/}, the WAL
 * archive that {@link WalArchive} fills in {@code backups/wal/}, and the clusters
 * restored from them in {@code backups/restores/} ({@link RestoredCluster}).
 */
public final class Backups {

	private final Database database;

	public Backups(Database database) {
		this.database = database;
	}

	Path root() {
		return this.database.backupRoot();
	}

	Path wal() {
		return root().resolve("wal");
	}

	/**
	 * Takes a base backup of the current primary.
	 * @return the backup
	 */
	public BaseBackup take() {
		Database.Node primary = this.database.primary();
		Instant started = Instant.now();
		String stamp = BaseBackup.STAMP.format(started);
		Path folder = root().resolve("base").resolve(stamp);
		if (Files.exists(folder)) {
			throw new LabException("a backup named " + stamp + " exists already; try again in a second");
		}
		this.database.ownedFolder(folder);
		this.database.baseBackup(primary, folder.resolve("data"));
		Instant finished = Instant.now();
		BaseBackup backup = new BaseBackup(stamp, folder, started, finished, size(folder.resolve("data")),
				primary.name());
		write(backup);
		return backup;
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
		String du = Processes.run(List.of("du", "-sb", folder.toString()), Duration.ofSeconds(30));
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
