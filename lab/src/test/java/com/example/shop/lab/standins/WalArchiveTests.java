package com.example.shop.lab.standins;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WAL archiving settings the lab writes into each node's {@code postgresql.conf}.
 */
class WalArchiveTests {

	@Test
	void archivesAtomicallyNeverOverwritesAndReplacesItsOwnEarlierSettings() {
		Path wal = Path.of("/lab/backups/wal");
		List<String> original = List.of("listen_addresses = '127.0.0.1'", "hot_standby = on");

		List<String> once = WalArchive.withSettings(original, wal);
		List<String> twice = WalArchive.withSettings(once, wal);

		assertThat(twice).isEqualTo(once);
		assertThat(once).startsWith(original.toArray(String[]::new)).contains("archive_mode = on");
		String command = once.stream().filter((line) -> line.startsWith("archive_command")).findFirst().orElseThrow();
		assertThat(command).contains("f=/lab/backups/wal/%f;")
			.contains("cmp -s \"%p\" \"$f\"")
			.contains("cp \"%p\" \"$f.tmp\" && mv \"$f.tmp\" \"$f\"");
	}

}
