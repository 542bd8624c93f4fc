package com.example.shop.lab.backup;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.probe.OrdersProbe;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.standins.ReceiptVersions;
import org.jspecify.annotations.Nullable;

/**
 * Checks a restored cluster before anyone relies on it: its tables and row counts, a
 * checksum over the orders, the orders against the live primary's (an order the live
 * primary has that the restore lacks is data lost), and every processed order's receipt
 * in S3. Receipts that were deleted are brought back from their earlier versions first
 * ({@link ReceiptVersions}), as part of the restore.
 */
final class RestoreValidation {

	private final SystemProbe probe;

	RestoreValidation(SystemProbe probe) {
		this.probe = probe;
	}

	/**
	 * Validates the restored cluster and prints what it found.
	 * @param reached the point the restore reaches
	 * @param target what the restore was asked for
	 * @param live the live primary, if it is reachable
	 * @param out where to print
	 * @return the findings
	 */
	Report validate(Instant reached, RestoreTarget target, Optional<DatabaseNode> live, PrintWriter out) {
		DatabaseNode restored = DatabaseNode.RESTORED;
		OrdersProbe orders = this.probe.orders();
		Map<String, Long> rows = orders.tableRows(restored);
		out.printf("validate: rows %s%n", rows);
		Instant cutoff = OrderComparison.cutoff(reached);
		String checksum = orders.checksum(restored, cutoff);
		Map<UUID, Instant> restoredOrders = orders.createdAt(restored);
		String liveChecksum = null;
		OrderComparison comparison = null;
		if (live.isPresent()) {
			liveChecksum = orders.checksum(live.get(), cutoff);
			comparison = OrderComparison.of(restoredOrders, orders.createdAt(live.get()), reached, target);
			out.printf("validate: orders created up to %s: checksum %s restored, %s on %s (%s)%n", cutoff, checksum,
					liveChecksum, live.get().name(), checksum.equals(liveChecksum) ? "equal" : "DIFFERENT");
			out.printf(
					"validate: %d of %d such orders on %s missing from the restore (data lost)%s; "
							+ "%d restored orders created after the target%n",
					comparison.lost().size(), comparison.compared(), live.get().name(), examples(comparison.lost()),
					comparison.unexpected().size());
		}
		else {
			out.printf("validate: orders created up to %s: checksum %s; no live primary to compare with%n", cutoff,
					checksum);
		}
		Receipts receipts = receipts(restored);
		out.printf(
				"validate: %d processed orders, %d receipts brought back from earlier versions, "
						+ "%d receipts missing%s%n",
				receipts.processed(), receipts.broughtBack().size(), receipts.missing().size(),
				examples(receipts.missing()));
		return new Report(rows, checksum, liveChecksum, comparison, restoredOrders, receipts);
	}

	private Receipts receipts(DatabaseNode node) {
		List<String> keys = this.probe.orders().processedReceiptKeys(node);
		// one listing of the bucket; then only the missing keys, one by one
		Set<String> present = this.probe.bucket().receipts();
		List<String> missing = keys.stream().filter((key) -> !present.contains(key)).toList();
		List<String> broughtBack = missing.isEmpty() ? List.of() : ReceiptVersions.undelete(missing);
		if (!broughtBack.isEmpty()) {
			missing = missing.stream().filter((key) -> !this.probe.bucket().present(key)).toList();
		}
		return new Receipts(keys.size(), broughtBack, missing);
	}

	private static String examples(List<?> items) {
		return items.isEmpty() ? "" : " " + new ArrayList<>(items).subList(0, Math.min(3, items.size())) + "…";
	}

	/**
	 * What the receipts check found.
	 *
	 * @param processed processed orders in the restore
	 * @param broughtBack receipts whose delete marker was removed
	 * @param missing receipts still missing after that
	 */
	public record Receipts(int processed, List<String> broughtBack, List<String> missing) {
	}

	/**
	 * What the validation found.
	 *
	 * @param rows rows per table in the restore
	 * @param checksum count and md5 of the restored orders created in time
	 * @param liveChecksum the same on the live primary, if reachable
	 * @param comparison against the live primary, if reachable
	 * @param orders the restored orders and when each was created
	 * @param receipts the receipts check
	 */
	public record Report(Map<String, Long> rows, String checksum, @Nullable String liveChecksum,
			@Nullable OrderComparison comparison, Map<UUID, Instant> orders, Receipts receipts) {

		public boolean passed() {
			boolean matchesLive = this.comparison == null
					|| (this.comparison.passed() && this.checksum.equals(this.liveChecksum));
			return matchesLive && this.receipts.missing().isEmpty() && !this.rows.isEmpty();
		}

	}

}
