package com.example.shop.lab.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.Postgres;
import com.example.shop.lab.standins.ReceiptVersions;
import com.example.shop.lab.testing.OrdersApi;
import com.example.shop.lab.testing.RunningLab;
import com.example.shop.lab.testing.SharedLab;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backups against a real lab: a base backup between two batches of orders, a restore
 * to the latest point that has every acknowledged order and the live primary's checksum,
 * a restore to a moment between the batches that has exactly the orders created by then
 * (the first batch among them, the second not), and deleted receipts brought back from
 * the versioned bucket, by the fault's healing and by a restore; and every key counted
 * when the versions take more than one page.
 */
@ExtendWith(SharedLab.class)
@SharedLab.RunsFrom(anyPrimary = true)
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreIT {

	private static final String CHECKSUM = "SELECT count(*) || ':' || md5(coalesce(string_agg(id::text || '|' "
			+ "|| idempotency_key || '|' || total_cents || '|' || created_at, ',' ORDER BY id), '')) FROM orders";

	private static final List<UUID> firstBatch = new ArrayList<>();

	private static final List<UUID> secondBatch = new ArrayList<>();

	private static Instant betweenBatches = Instant.EPOCH;

	@Test
	@Order(1)
	void restoresToTheLatestPointWithEveryAcknowledgedOrder() throws Exception {
		firstBatch.addAll(OrdersApi.placeOrders(5));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> firstBatch.stream().allMatch((id) -> "PROCESSED".equals(OrdersApi.status(id))));
		assertThat(RunningLab.lab("backup")).isZero();
		// the validation compares orders older than OrderComparison.IN_FLIGHT (5 s)
		Thread.sleep(Duration.ofSeconds(6));
		betweenBatches = Instant.now();
		Thread.sleep(Duration.ofSeconds(1));
		secondBatch.addAll(OrdersApi.placeOrders(5));

		int exit = RunningLab.lab("restore", "--to", "latest");

		assertThat(exit).isZero();
		assertThat(restoredOrders()).containsAll(firstBatch).containsAll(secondBatch);
		Postgres postgres = RunningLab.database().nodes().postgres();
		try (SystemProbe probe = RunningLab.probe()) {
			assertThat(postgres.query(DatabaseNode.RESTORED, "orders", CHECKSUM))
				.isEqualTo(postgres.query(probe.database().requirePrimary(), "orders", CHECKSUM));
		}
	}

	@Test
	@Order(2)
	void restoresToAMomentBetweenTheBatchesWithExactlyTheOrdersBeforeIt() {
		int exit = RunningLab.lab("restore", "--to", betweenBatches.toString());

		assertThat(exit).isZero();
		// the shared lab holds the earlier tests' orders too: exactly those created by
		// the
		// moment are restored, the first batch among them, the second not
		assertThat(restoredOrders()).containsAll(firstBatch)
			.doesNotContainAnyElementsOf(secondBatch)
			.containsExactlyInAnyOrderElementsOf(liveOrdersCreatedBy(betweenBatches));
	}

	@Test
	@Order(3)
	void deletedReceiptsComeBackFromTheirEarlierVersions() {
		try (S3Client s3 = AwsClients.s3()) {
			List<String> deleted = ReceiptVersions.delete(s3, 2);
			assertThat(deleted).hasSize(2);
			assertThat(ReceiptVersions.current(s3)).doesNotContainAnyElementsOf(deleted);

			int exit = RunningLab.lab("restore", "--to", "latest");

			assertThat(exit).isZero();
			assertThat(ReceiptVersions.current(s3)).containsAll(deleted);
		}
	}

	@Test
	@Order(4)
	void theDeleteReceiptsFaultHealsByItself() {
		try (S3Client s3 = AwsClients.s3()) {
			Set<String> before = ReceiptVersions.current(s3);

			int exit = RunningLab.lab("fault", "delete-receipts", "--count", "3", "--for", "1s");

			assertThat(exit).isZero();
			assertThat(ReceiptVersions.current(s3)).containsAll(before);
			assertThat(RunningLab.lab("restore", "--stop")).isZero();
		}
	}

	@Test
	@Order(5)
	void everyKeyIsCountedAcrossS3PageBoundariesEvenWithManyVersions() {
		String prefix = "paging-check/";
		Set<String> written = new TreeSet<>();
		try (S3Client s3 = AwsClients.s3()) {
			// more keys than one page holds, and keys with several versions where the
			// first page ends: S3Mock 5.2.0 names as the next marker a key it has not
			// returned, and a reader that trusts it drops that key
			for (int n = 1; n <= 1010; n++) {
				String key = prefix + "%04d".formatted(n);
				int versions = (n >= 995 && n <= 1002) ? 3 : 1;
				for (int v = 0; v < versions; v++) {
					s3.putObject((request) -> request.bucket(AwsClients.BUCKET).key(key),
							RequestBody.fromString("v" + v));
				}
				written.add(key);
			}
			s3.deleteObject((request) -> request.bucket(AwsClients.BUCKET).key(prefix + "0999"));
			written.remove(prefix + "0999");

			assertThat(ReceiptVersions.current(s3, prefix)).containsExactlyElementsOf(written);
		}
	}

	private static List<UUID> liveOrdersCreatedBy(Instant moment) {
		try (SystemProbe probe = RunningLab.probe()) {
			String ids = RunningLab.database()
				.nodes()
				.postgres()
				.query(probe.database().requirePrimary(), "orders",
						"SELECT id FROM orders WHERE created_at <= '" + moment + "'");
			return ids.lines().map(UUID::fromString).toList();
		}
	}

	private static List<UUID> restoredOrders() {
		String ids = RunningLab.database()
			.nodes()
			.postgres()
			.query(DatabaseNode.RESTORED, "orders", "SELECT id FROM orders");
		return ids.lines().map(UUID::fromString).toList();
	}

}
