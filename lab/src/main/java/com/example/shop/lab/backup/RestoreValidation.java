package com.example.shop.lab.backup;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.Database;
import com.example.shop.lab.standins.ReceiptVersions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Checks a restored cluster before anyone relies on it: its tables and row counts, a
 * checksum over the orders, the orders against the live primary's (an order the live
 * primary has that the restore lacks is data lost), and every processed order's receipt
 * in S3. Receipts that were deleted are brought back from their earlier versions first
 * ({@link ReceiptVersions}), as part of the restore.
 */
final class RestoreValidation {

	/**
	 * The columns that identify an order and never change once it is written; status,
	 * {@code processed_at} and {@code receipt_key} move after the restore point.
	 */
	private static final String IDENTITY = "id::text || '|' || idempotency_key || '|' || customer_email || '|' "
			+ "|| total_cents || '|' || (extract(epoch FROM created_at) * 1000000)::bigint";

	private final Database database;

	RestoreValidation(Database database) {
		this.database = database;
	}

	/**
	 * Validates the restored cluster and prints what it found.
	 * @param reached the point the restore reaches
	 * @param target what the restore was asked for
	 * @param live the live primary, if it is reachable
	 * @param out where to print
	 * @return the findings
	 */
	Report validate(Instant reached, RestoreTarget target, Optional<Database.Node> live, PrintWriter out) {
		Database.Node restored = RestoredCluster.NODE;
		Map<String, Long> rows = rows(restored);
		out.printf("validate: rows %s%n", rows);
		Instant cutoff = OrderComparison.cutoff(reached);
		String checksum = checksum(restored, cutoff);
		Map<UUID, Instant> restoredOrders = orders(restored);
		String liveChecksum = null;
		OrderComparison comparison = null;
		if (live.isPresent()) {
			liveChecksum = checksum(live.get(), cutoff);
			comparison = OrderComparison.of(restoredOrders, orders(live.get()), reached, target);
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

	private Map<String, Long> rows(Database.Node node) {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : lines(this.database.query(node, "orders",
				"SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))) {
			rows.put(table, Long.parseLong(this.database.query(node, "orders", "SELECT count(*) FROM " + table)));
		}
		return rows;
	}

	private String checksum(Database.Node node, Instant cutoff) {
		return this.database.query(node, "orders", "SELECT count(*) || ':' || md5(coalesce(string_agg(" + IDENTITY
				+ ", ',' ORDER BY id), '')) FROM orders WHERE created_at <= '" + cutoff + "'");
	}

	private Map<UUID, Instant> orders(Database.Node node) {
		Map<UUID, Instant> orders = new HashMap<>();
		for (String line : lines(this.database.query(node, "orders",
				"SELECT id || ' ' || (extract(epoch FROM created_at) * 1000000)::bigint FROM orders"))) {
			String[] parts = line.split(" ");
			long micros = Long.parseLong(parts[1]);
			orders.put(UUID.fromString(parts[0]),
					Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000));
		}
		return orders;
	}

	private Receipts receipts(Database.Node node) {
		List<String> keys = lines(
				this.database.query(node, "orders", "SELECT receipt_key FROM orders WHERE status = 'PROCESSED'"));
		try (S3Client s3 = AwsClients.s3()) {
			// one listing of the bucket; then only the missing keys, one by one
			Set<String> present = ReceiptVersions.current(s3);
			List<String> missing = keys.stream().filter((key) -> !present.contains(key)).toList();
			List<String> broughtBack = missing.isEmpty() ? List.of() : ReceiptVersions.undelete(s3, missing);
			if (!broughtBack.isEmpty()) {
				missing = missing.stream().filter((key) -> !ReceiptVersions.present(s3, key)).toList();
			}
			return new Receipts(keys.size(), broughtBack, missing);
		}
	}

	private static List<String> lines(String output) {
		return output.isBlank() ? List.of() : List.of(output.split("\n"));
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
