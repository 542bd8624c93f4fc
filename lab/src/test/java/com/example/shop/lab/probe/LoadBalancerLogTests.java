package com.example.shop.lab.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancerLogTests {

	private static final String SHED = "127.0.0.1:46400 [25/Nov/2026:03:55:17.143] orders web/web-1 0/0/0/10/12 503 "
			+ "310 - - ---- 13/13/0/0/0 0/0 \"POST /api/orders HTTP/1.1\"";

	@Test
	void readsTheAcceptDateStatusTotalTimeAndTermination() {
		LoadBalancerLog.Entry entry = LoadBalancerLog.parse(SHED).orElseThrow();

		assertThat(entry.acceptedAt()).isEqualTo(LocalDateTime.of(2026, 11, 25, 3, 55, 17, 143_000_000)
			.atZone(ZoneId.systemDefault())
			.toInstant()
			.toEpochMilli());
		assertThat(entry.server()).isEqualTo("web/web-1");
		assertThat(entry.status()).isEqualTo(503);
		assertThat(entry.totalMs()).isEqualTo(12);
		assertThat(entry.endedNormally()).isTrue();
	}

	@Test
	void aRequestTheClientAbandonedDidNotEndNormally() {
		String abandoned = "127.0.0.1:34902 [25/Nov/2026:03:56:57.053] orders web/web-2 0/0/0/-1/5001 -1 0 - - "
				+ "CH-- 1/1/0/0/0 0/0 \"POST /api/orders HTTP/1.1\"";

		LoadBalancerLog.Entry entry = LoadBalancerLog.parse(abandoned).orElseThrow();

		assertThat(entry.status()).isEqualTo(-1);
		assertThat(entry.endedNormally()).isFalse();
	}

	@Test
	void keepsOnlyRequestsAcceptedInTheRangeAndSkipsOtherLines(@TempDir Path folder) throws Exception {
		Path log = folder.resolve("load-balancer.log");
		Files.write(log, List.of("[NOTICE] haproxy started", SHED,
				SHED.replace("03:55:17.143", "03:55:19.000").replace(" 503 ", " 201 ")));
		long at = LoadBalancerLog.parse(SHED).orElseThrow().acceptedAt();

		List<LoadBalancerLog.Entry> entries = LoadBalancerLog.between(log, at, at + 1000);

		assertThat(entries).extracting(LoadBalancerLog.Entry::status).containsExactly(503);
	}

}
