package com.example.shop.lab.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.shop.lab.host.LabException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackupRestoreTests {

	private static final Instant T = Instant.parse("2026-11-29T10:15:00Z");

	@Test
	void readsLatestAndUtcTimesAndRefusesATimeWithoutAZone() {
		assertThat(RestoreTarget.parse("latest").latest()).isTrue();
		assertThat(RestoreTarget.parse(" LATEST ").latest()).isTrue();
		assertThat(RestoreTarget.parse("2026-11-29T10:15:00Z").time()).isEqualTo(T);
		assertThat(RestoreTarget.parse("2026-11-29T11:15:00+01:00").time()).isEqualTo(T);

		assertThatExceptionOfType(LabException.class).isThrownBy(() -> RestoreTarget.parse("2026-11-29T10:15:00"))
			.withMessageContaining("2026-11-29T10:15:00Z");
		assertThatExceptionOfType(LabException.class).isThrownBy(() -> RestoreTarget.parse("yesterday"));
	}

	@Test
	void writesTheTargetAsPostgresqlReadsItInMicrosecondsAndUtc() {
		Instant withNanos = Instant.parse("2026-11-29T09:55:11.739950763Z");

		assertThat(RestoredCluster.RECOVERY_TIME.format(withNanos)).isEqualTo("2026-11-29 09:55:11.739950+00");
	}

	@Test
	void picksTheNewestBackupThatFinishedBeforeTheTarget() {
		BaseBackup nine = backup("20261129T090000Z", T.minusSeconds(4500), T.minusSeconds(4490));
		BaseBackup ten = backup("20261129T100000Z", T.minusSeconds(900), T.minusSeconds(890));
		BaseBackup quarterPast = backup("20261129T101458Z", T.minusSeconds(2), T.plusSeconds(3));
		List<BaseBackup> backups = List.of(ten, quarterPast, nine);

		assertThat(BaseBackup.newestBefore(backups, new RestoreTarget(T))).contains(ten);
		assertThat(BaseBackup.newestBefore(backups, new RestoreTarget(T.plusSeconds(3)))).contains(quarterPast);
		assertThat(BaseBackup.newestBefore(backups, RestoreTarget.LATEST)).contains(quarterPast);
		assertThat(BaseBackup.newestBefore(backups, new RestoreTarget(T.minusSeconds(5000)))).isEmpty();
		assertThat(BaseBackup.newestBefore(List.of(), RestoreTarget.LATEST)).isEmpty();
	}

	@Test
	void anOrderTheLivePrimaryHasAndTheRestoreLacksIsLostUnlessItWasStillInFlight() {
		UUID kept = UUID.randomUUID();
		UUID lost = UUID.randomUUID();
		UUID inFlight = UUID.randomUUID();
		UUID later = UUID.randomUUID();
		Map<UUID, Instant> live = Map.of(kept, T.minusSeconds(60), lost, T.minusSeconds(30), inFlight,
				T.minusSeconds(1), later, T.plusSeconds(10));

		OrderComparison comparison = OrderComparison.of(Map.of(kept, T.minusSeconds(60)), live, T,
				new RestoreTarget(T));

		assertThat(comparison.lost()).containsExactly(lost);
		assertThat(comparison.compared()).isEqualTo(2);
		assertThat(comparison.unexpected()).isEmpty();
		assertThat(comparison.passed()).isFalse();
	}

	@Test
	void anOrderInTheRestoreFromAfterItsTargetIsUnexpectedUnlessTheTargetIsTheLatest() {
		UUID early = UUID.randomUUID();
		UUID tooLate = UUID.randomUUID();
		Map<UUID, Instant> orders = Map.of(early, T.minusSeconds(60), tooLate, T.plusSeconds(1));

		OrderComparison toTheTarget = OrderComparison.of(orders, orders, T, new RestoreTarget(T));
		OrderComparison toTheLatest = OrderComparison.of(orders, orders, T, RestoreTarget.LATEST);

		assertThat(toTheTarget.lost()).isEmpty();
		assertThat(toTheTarget.unexpected()).containsExactly(tooLate);
		assertThat(toTheTarget.passed()).isFalse();
		assertThat(toTheLatest.passed()).isTrue();
	}

	private static BaseBackup backup(String stamp, Instant started, Instant finished) {
		return new BaseBackup(stamp, Path.of("/backups/base", stamp), started, finished, 1, "db-a");
	}

}
