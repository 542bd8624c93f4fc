package com.example.shop.lab.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Continuous archiving of the database's write-ahead log into {@code backups/wal/}, the
 * lab's stand-in for the WAL that RDS ships to S3 for point-in-time recovery. With a base
 * backup ({@code bin/lab backup}) it is what {@code bin/lab restore} replays.
 * <p>
 * Both nodes carry the same settings, with {@code archive_mode = on}: only the node that
 * is primary archives, so after {@code bin/lab fault db-failover} the promoted node goes
 * on archiving, on its new timeline (its {@code .history} file and a {@code .partial}
 * copy of the old timeline's last segment included). {@code always} would make the
 * standby archive the same segments as well; a segment closed early by a switch can
 * differ in its unused tail between the nodes, and the archive refuses to overwrite a
 * file with different content, so the standby's archiver would fail for ever. The price
 * of {@code on}: a segment the old primary had not archived yet when it died is not
 * archived by the new one.
 */
public final class WalArchive {

	static final String MARK = "# bin/lab: WAL archive (bin/lab backup, bin/lab restore)";

	/**
	 * A closed segment is archived at once; a quiet primary closes one at least this
	 * often, which bounds what a restore from the archive alone can lose.
	 */
	static final String ARCHIVE_TIMEOUT = "60s";

	private WalArchive() {
	}

	/**
	 * The settings, as lines of {@code postgresql.conf}. The command copies each segment
	 * under a temporary name and renames it, so the archive never holds half a segment; a
	 * segment already there is accepted only if it is identical (PostgreSQL retries a
	 * segment whose archiving it did not see succeed), never overwritten.
	 * @param wal the archive folder
	 * @return the lines
	 */
	static List<String> settings(Path wal) {
		String target = wal.resolve("%f").toString();
		String command = "f=%s; if [ -f \"$f\" ]; then cmp -s \"%%p\" \"$f\"; else cp \"%%p\" \"$f.tmp\" && mv \"$f.tmp\" \"$f\"; fi"
			.formatted(target);
		return List.of(MARK, "archive_mode = on", "archive_command = '" + command + "'",
				"archive_timeout = '" + ARCHIVE_TIMEOUT + "'");
	}

	/**
	 * Writes the settings into a node's {@code postgresql.conf}, replacing earlier ones,
	 * so a lab created before archiving existed gets it on its next {@code up}.
	 * @param config the node's {@code postgresql.conf}
	 * @param wal the archive folder
	 * @return whether the file changed (the node then needs a restart:
	 * {@code archive_mode} is read only at start)
	 */
	public static boolean configure(Path config, Path wal) {
		try {
			List<String> lines = Files.readAllLines(config);
			List<String> updated = withSettings(lines, wal);
			if (updated.equals(lines)) {
				return false;
			}
			Files.write(config, updated);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> withSettings(List<String> lines, Path wal) {
		List<String> updated = new ArrayList<>(lines);
		int at = updated.indexOf(MARK);
		if (at >= 0) {
			updated.subList(at, Math.min(updated.size(), at + settings(wal).size())).clear();
		}
		updated.addAll(settings(wal));
		return updated;
	}

}
