package com.example.shop.lab.gameday;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.example.shop.lab.backup.Backups;
import com.example.shop.lab.backup.BaseBackup;
import com.example.shop.lab.backup.PointInTimeRestore;
import com.example.shop.lab.backup.RestoreTarget;
import com.example.shop.lab.faults.Fault;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.standins.ReceiptVersions;
import org.jspecify.annotations.Nullable;

/**
 * The restore drill of a game day: under the steady load, a base backup is taken, orders
 * keep coming, then the data is "lost": receipts are deleted from S3, and the database is
 * treated as gone, so the only way back is the backups. The newest base backup and the
 * WAL archive are restored to the latest point into a separate cluster, which is
 * validated. The live primary is not stopped (that would be {@code db-failover}, which
 * the synchronous standby survives); the drill proves the other path, the one for losing
 * both nodes or a bad write that replication copied faithfully.
 * <p>
 * Its verdicts are the recovery objectives of {@code docs/recovery.md}: RPO, the
 * acknowledged orders (from the clients' own records) missing from the restore, target 0;
 * RTO, from the loss to a validated restore, target 300 s.
 */
public final class RestoreDrillFault implements Fault {

	/** The recovery point objective: acknowledged orders a restore may lose. */
	static final int RPO_ORDERS = 0;

	/** The recovery time objective: from the loss to a validated restore. */
	static final Duration RTO = Duration.ofSeconds(300);

	/** Orders kept coming between the base backup and the loss. */
	private static final Duration WRITES_AFTER_BACKUP = Duration.ofSeconds(5);

	private static final int RECEIPTS_DELETED = 5;

	private final Topology topology;

	private final Drill drill;

	public RestoreDrillFault(Topology topology, Drill drill) {
		this.topology = topology;
		this.drill = drill;
	}

	@Override
	public String name() {
		return "restore-drill";
	}

	@Override
	public Duration duration() {
		return Duration.ZERO;
	}

	@Override
	public void inject(PrintWriter out) {
		BaseBackup backup = Backups.of(this.topology.paths()).take();
		out.printf("restore-drill: base backup %s, %.1f MB in %.1f s, under load%n", backup.stamp(),
				backup.bytes() / 1e6, Duration.between(backup.started(), backup.finished()).toMillis() / 1000.0);
		Await.sleep(WRITES_AFTER_BACKUP);
		this.drill.lostAt = Instant.now();
		List<String> deleted = ReceiptVersions.delete(RECEIPTS_DELETED);
		out.printf("restore-drill: data lost at %s: the database treated as gone, %d receipts deleted%n",
				this.drill.lostAt, deleted.size());
		PointInTimeRestore.Outcome outcome = new PointInTimeRestore(this.topology.paths()).run(RestoreTarget.LATEST,
				this.topology.state(), out);
		this.drill.validatedAt = Instant.now();
		this.drill.outcome = outcome;
		out.printf("restore-drill: RTO %.1f s from the loss to a validated restore (target %d s)%n",
				this.drill.rto().toMillis() / 1000.0, RTO.toSeconds());
	}

	@Override
	public void heal(PrintWriter out) {
		if (new PointInTimeRestore(this.topology.paths()).stop(this.topology.state())) {
			out.println("restore-drill: the restored cluster is stopped (its folder stays in backups/restores/)");
		}
	}

	/**
	 * The drill's verdicts: RPO and RTO against their targets, and the restore's own
	 * validation.
	 * @param drill what the drill recorded
	 * @return the expectation
	 */
	public static Scenario.Expectation objectivesMet(Drill drill) {
		return (evidence) -> {
			PointInTimeRestore.Outcome outcome = drill.outcome;
			if (outcome == null || drill.lostAt == null) {
				return List.of(Check.expect("restore validated", false, "the drill did not get to a restore"));
			}
			List<UUID> missing = missingAcknowledged(evidence.records(), outcome.report().orders().keySet(),
					drill.lostAt);
			long acknowledged = evidence.records()
				.stream()
				.filter((r) -> r.acknowledged() && r.endedAt() <= drill.lostAt.toEpochMilli())
				.count();
			return List.of(
					Check.expect("restore validated", outcome.report().passed(),
							"base backup " + outcome.backup().stamp() + ", validation "
									+ (outcome.report().passed() ? "passed" : "FAILED") + "; receipts brought back: "
									+ outcome.report().receipts().broughtBack().size()),
					Check.expect("RPO at most " + RPO_ORDERS + " orders (docs/recovery.md)",
							missing.size() <= RPO_ORDERS,
							missing.size() + " of " + acknowledged
									+ " orders acknowledged before the loss missing from the restore"
									+ (missing.isEmpty() ? ""
											: ": " + missing.subList(0, Math.min(3, missing.size())))),
					Check.expect("RTO at most " + RTO.toSeconds() + " s (docs/recovery.md)",
							drill.rto().compareTo(RTO) <= 0,
							"%.1f s from the loss to a validated restore (restore %.1f s)"
								.formatted(drill.rto().toMillis() / 1000.0, outcome.restored().toMillis() / 1000.0)));
		};
	}

	/**
	 * The RPO in orders: those the clients were told were taken before the loss, missing
	 * from the restore.
	 * @param records the clients' records
	 * @param restored the orders in the restore
	 * @param lostAt when the data was lost
	 * @return the orders missing
	 */
	static List<UUID> missingAcknowledged(List<ClientRecord> records, Set<UUID> restored, Instant lostAt) {
		return records.stream()
			.filter((r) -> r.acknowledged() && r.orderId() != null && r.endedAt() <= lostAt.toEpochMilli())
			.map(ClientRecord::orderId)
			.filter((id) -> !restored.contains(id))
			.distinct()
			.toList();
	}

	/** What one drill recorded, for its verdicts. */
	public static final class Drill {

		volatile @Nullable Instant lostAt;

		volatile @Nullable Instant validatedAt;

		volatile PointInTimeRestore.@Nullable Outcome outcome;

		Duration rto() {
			Instant lost = this.lostAt;
			Instant validated = this.validatedAt;
			return (lost == null || validated == null) ? Duration.ZERO : Duration.between(lost, validated);
		}

	}

}
