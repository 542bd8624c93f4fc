package com.example.shop.lab.backup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.probe.SystemProbe;

/**
 * A restore drill from start to verdict: pick the base backup, restore it with the WAL
 * archive into a cluster of its own ({@link RestoredCluster}), validate it
 * ({@link RestoreValidation}), and time both, since the time to a validated restore is
 * the recovery time a runbook can promise.
 */
public final class PointInTimeRestore {

	private final LabPaths paths;

	private final Backups backups;

	private final RestoredCluster cluster;

	public PointInTimeRestore(LabPaths paths) {
		this.paths = paths;
		this.backups = Backups.of(paths);
		this.cluster = new RestoredCluster(paths, this.backups.postgres());
	}

	/**
	 * Restores and validates.
	 * @param target where to stop
	 * @param state where the restored cluster is recorded
	 * @param out where to say what happens
	 * @return what came of it
	 */
	public Outcome run(RestoreTarget target, LabState state, PrintWriter out) {
		long began = System.nanoTime();
		BaseBackup backup = BaseBackup.newestBefore(this.backups.list(), target)
			.orElseThrow(() -> new LabException("no base backup finished before " + target + " in "
					+ this.backups.root() + "; take one with bin/lab backup"));
		Optional<DatabaseNode> live;
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			live = probe.database().primary();
		}
		Instant reached = target.at().orElseGet(Instant::now);
		if (live.isPresent()) {
			this.backups.archiveCurrentSegment(live.get());
		}
		out.printf("restore: to %s from base backup %s (%s, %d MB, finished %s); WAL from %s%s%n", target,
				backup.stamp(), backup.node(), backup.bytes() / 1_000_000, backup.finished(), this.backups.wal(),
				live.map((node) -> ", after closing " + node.name() + "'s current segment").orElse(""));
		Path folder = this.cluster.restore(backup, target, state);
		Duration restored = Duration.ofNanos(System.nanoTime() - began);
		out.printf("restore: %s accepts writes on :%d after %.1f s (data in %s)%n", DatabaseNode.RESTORED.name(),
				Ports.RESTORE, restored.toMillis() / 1000.0, folder.resolve("data"));
		RestoreValidation.Report report;
		try (SystemProbe probe = SystemProbe.open(this.paths)) {
			report = new RestoreValidation(probe).validate(reached, target, live, out);
		}
		Duration validated = Duration.ofNanos(System.nanoTime() - began);
		out.printf(
				"restore: %s, validated %.1f s after the restore began; %s stays up on :%d until "
						+ "bin/lab restore --stop or bin/lab down%n",
				report.passed() ? "PASSED" : "FAILED", validated.toMillis() / 1000.0, DatabaseNode.RESTORED.name(),
				Ports.RESTORE);
		return new Outcome(backup, folder, restored, validated, report);
	}

	/**
	 * Stops the restored cluster, if one runs.
	 * @param state where it is recorded
	 * @return whether one was running
	 */
	public boolean stop(LabState state) {
		return this.cluster.stop(state) > 0;
	}

	/**
	 * What a restore came to.
	 *
	 * @param backup the base backup it started from
	 * @param folder where the restored cluster lives
	 * @param restored from the start to the cluster accepting writes
	 * @param validated from the start to the end of the validation
	 * @param report the validation's findings
	 */
	public record Outcome(BaseBackup backup, Path folder, Duration restored, Duration validated,
			RestoreValidation.Report report) {
	}

}
