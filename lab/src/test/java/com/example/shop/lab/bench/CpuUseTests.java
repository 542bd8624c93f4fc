package com.example.shop.lab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's CPU profile: which part each process plays, and the time counted for it
 * (its own and its reaped children's), per unit of work.
 */
class CpuUseTests {

	@TempDir
	Path proc;

	@Test
	void namesEachPartOfTheLabByItsCommandLine() {
		assertThat(CpuUse.part("java -Xmx256m -Dlab.instance=web-2 -jar web.jar")).isEqualTo("web");
		assertThat(CpuUse.part("java -Dlab.instance=worker-1 -jar worker.jar")).isEqualTo("worker");
		assertThat(CpuUse.part("postgres: orders orders 127.0.0.1(39296) idle")).isEqualTo("database");
		assertThat(CpuUse.part("/usr/lib/postgresql/15/bin/postgres -D .lab/db-a")).isEqualTo("database");
		assertThat(CpuUse.part("/usr/lib/postgresql/15/bin/pgbench -n -M prepared")).isEqualTo("pgbench");
		assertThat(CpuUse.part("/usr/sbin/haproxy -db -f haproxy.cfg")).isEqualTo("load balancer");
		assertThat(CpuUse.part("java -jar load/target/load.jar --rate 60")).isEqualTo("load generator");
		assertThat(CpuUse.part("java -cp lab.jar com.example.shop.lab.servers.FaultProxy x")).isEqualTo("fault proxy");
		assertThat(CpuUse.part("")).isEqualTo("other");
	}

	@Test
	void countsOwnAndReapedChildrensTimeButOnlyTheBenchsOwnForItself() throws IOException {
		// web: 300 + 20 own, 0 children; database: 50 own + 30 reaped backends
		process(11, "java\0-Dlab.instance=web-1\0-jar\0web.jar\0", "(java) S", 300, 20, 0, 0);
		process(12, "/usr/lib/postgresql/15/bin/postgres\0-D\0db\0", "(postgres) S", 40, 10, 25, 5);
		process(13, "postgres: orders orders 127.0.0.1(1) idle\0", "(postgres: orders) S", 7, 3, 0, 0);
		// the bench itself: 90 own, 400 from pgbench, which it ran and waited for
		process(99, "java\0-jar\0lab.jar\0bench\0", "(java) S", 80, 10, 350, 50);

		Map<String, Long> ticks = new CpuUse(this.proc, 99, "pgbench").sample();

		assertThat(ticks).containsEntry("web", 320L)
			.containsEntry("database", 90L)
			.containsEntry("bench", 90L)
			.containsEntry("pgbench", 400L);
	}

	@Test
	void givesMillisecondsPerUnitLargestFirstLeavingOutIdleParts() {
		Map<String, Long> before = Map.of("web", 1000L, "database", 500L, "sqs", 70L);
		Map<String, Long> after = Map.of("web", 1600L, "database", 800L, "sqs", 70L, "load generator", 100L);

		// 600 ticks = 6 s of CPU for 1000 orders: 6 ms each
		Map<String, Double> perOrder = CpuUse.perUnit(before, after, 1000);

		assertThat(perOrder.keySet()).containsExactly("web", "database", "load generator");
		assertThat(perOrder).containsEntry("web", 6.0)
			.containsEntry("database", 3.0)
			.containsEntry("load generator", 1.0);
	}

	@Test
	void nothingPerUnitWhenNothingWasDone() {
		assertThat(CpuUse.perUnit(Map.of(), Map.of("web", 5L), 0)).isEmpty();
	}

	private void process(long pid, String commandLine, String nameAndState, long utime, long stime, long cutime,
			long cstime) throws IOException {
		Path folder = Files.createDirectories(this.proc.resolve(String.valueOf(pid)));
		Files.writeString(folder.resolve("cmdline"), commandLine, StandardCharsets.UTF_8);
		// pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt
		// cmajflt
		// utime stime cutime cstime ...
		Files.writeString(folder.resolve("stat"), "%d %s 1 %d %d 0 -1 4194560 100 0 0 0 %d %d %d %d 20 0 1 0"
			.formatted(pid, nameAndState, pid, pid, utime, stime, cutime, cstime));
	}

}
