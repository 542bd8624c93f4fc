package com.example.shop.lab.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One base backup in {@code backups/base/STAMP/}: PostgreSQL's copy in {@code data/}, and
 * what {@code bin/lab backup} noted about it in {@code backup.properties}.
 *
 * @param stamp its folder's name, the UTC time it was started, e.g.
 * {@code 20261129T101500Z}
 * @param folder {@code backups/base/STAMP}
 * @param started when {@code pg_basebackup} started
 * @param finished when it finished: the earliest moment a restore from it can reach
 * @param bytes its size on disk
 * @param node the node it was taken from
 */
public record BaseBackup(String stamp, Path folder, Instant started, Instant finished, long bytes, String node) {

	static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	Path data() {
		return this.folder.resolve("data");
	}

	/**
	 * The backup to restore from: the newest one that finished before the target (a
	 * restore cannot stop before its backup's end), or the newest of all for
	 * {@code latest}.
	 * @param backups the backups there are
	 * @param target what to restore to
	 * @return the backup, if one fits
	 */
	static Optional<BaseBackup> newestBefore(List<BaseBackup> backups, RestoreTarget target) {
		return backups.stream()
			.filter((backup) -> target.at().map((time) -> !backup.finished().isAfter(time)).orElse(true))
			.max(Comparator.comparing(BaseBackup::finished));
	}

}
