package com.example.shop.lab.gameday;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.example.shop.lab.load.ClientRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestoreDrillFaultTests {

	private static final Instant T = Instant.parse("2026-11-29T10:15:00Z");

	@Test
	void theRpoCountsOnlyOrdersAcknowledgedBeforeTheLoss() {
		UUID restored = UUID.randomUUID();
		UUID missing = UUID.randomUUID();
		UUID afterTheLoss = UUID.randomUUID();
		long lostAt = T.toEpochMilli();
		List<ClientRecord> records = List.of(new ClientRecord("a", 201, restored, 20, null, lostAt - 1000),
				new ClientRecord("b", 201, missing, 20, null, lostAt - 500),
				new ClientRecord("c", 503, null, 20, null, lostAt - 400),
				new ClientRecord("d", 201, afterTheLoss, 20, null, lostAt + 100));

		List<UUID> rpo = RestoreDrillFault.missingAcknowledged(records, Set.of(restored), T);

		assertThat(rpo).containsExactly(missing);
	}

}
