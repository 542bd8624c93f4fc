package com.example.shop.lab.gameday;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.example.shop.lab.faults.Fault;
import com.example.shop.lab.faults.RouteFault;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.gameday.report.ScenarioResult;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.testing.RunningLab;
import com.example.shop.lab.testing.SharedLab;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/lab gameday --quick} against the real lab: every scenario passes, and the
 * report says so in the shape the issue asks for. A scenario with a broken invariant (an
 * outbox that loses its events while SQS is down, as publishing directly would) fails,
 * naming the orders it left unprocessed: the checks bite. On the shared lab it runs
 * first, while the receipts bucket is small; its failovers may leave the other node
 * primary, which the shared lab fails back before a test that needs {@code db-a}.
 */
@ExtendWith(SharedLab.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GameDayIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	@Order(1)
	void aLostOutboxFailsTheScenarioWithTheOrdersItLeftUnprocessed(@TempDir Path folder) {
		Topology topology = new Topology(RunningLab.paths(), new PrintWriter(System.out, true));
		Scenario broken = new Scenario("lost-outbox", "An outbox that loses its events while SQS is down",
				"cut SQS for 6 s and delete the events waiting in the outbox", Duration.ofSeconds(5),
				Duration.ofSeconds(8), (stage) -> new OutboxLosingFault(stage.topology()),
				Expectations.noClientErrors());

		List<ScenarioResult> results;
		try {
			results = new GameDay(topology, folder, new PrintWriter(System.out, true)).run(List.of(broken));
		}
		finally {
			OutboxLosingFault.giveBackTheLostEvents(topology);
		}

		ScenarioResult result = results.getFirst();
		assertThat(result.passed()).isFalse();
		assertThat(result.unprocessed()).isPositive();
		assertThat(result.lostAcknowledged()).isZero();
		assertThat(result.checks()).filteredOn((check) -> !check.passed())
			.extracting(Check::name)
			.contains("every acknowledged order processed");
		assertThat(result.verdictLine()).startsWith("FAIL")
			.contains("every acknowledged order processed")
			.contains("not PROCESSED");
	}

	@Test
	@Order(2)
	void everyQuickScenarioPassesAndTheReportSaysSo(@TempDir Path folder) throws Exception {
		Path report = folder.resolve("report.json");

		int exit = RunningLab.lab("gameday", "--quick", "--report", report.toString());

		JsonNode json = JSON.readTree(report.toFile());
		List<String> names = json.get("scenarios").valueStream().map((s) -> s.get("name").asString()).toList();
		assertThat(names).containsExactlyElementsOf(Scenarios.all(true).stream().map(Scenario::name).toList());
		for (JsonNode scenario : json.get("scenarios")) {
			String name = scenario.get("name").asString();
			assertThat(scenario.get("passed").asBoolean()).as(scenario.toPrettyString()).isTrue();
			assertThat(scenario.get("lostAcknowledged").asInt()).as(name).isZero();
			assertThat(scenario.get("duplicateOrders").asInt()).as(name).isZero();
			assertThat(scenario.get("unprocessed").asInt()).as(name).isZero();
			assertThat(scenario.get("duplicateProcessing").asInt()).as(name).isZero();
			assertThat(scenario.get("acknowledged").asInt()).as(name).isPositive();
		}
		assertThat(exit).isZero();
		assertThat(Files.readString(folder.resolve("report.html"))).contains("<svg").contains("db-failover");
	}

	/**
	 * The broken invariant: SQS is cut, and the events that wait in the outbox meanwhile
	 * are marked sent without being sent, as if the service had published directly and
	 * lost them. The orders were acknowledged; their receipts never come. Once the
	 * scenario is judged, the test gives the events back to the relay, so the shared lab
	 * processes those orders after all.
	 */
	private static final class OutboxLosingFault implements Fault {

		private static final List<Long> lost = new CopyOnWriteArrayList<>();

		private final Fault outage;

		private final Topology topology;

		OutboxLosingFault(Topology topology) {
			this.topology = topology;
			this.outage = RouteFault.outage("sqs-outage", "sqs", Duration.ofSeconds(6), topology.paths());
		}

		@Override
		public String name() {
			return "lost-outbox";
		}

		@Override
		public Duration duration() {
			return this.outage.duration();
		}

		@Override
		public void inject(PrintWriter out) {
			this.outage.inject(out);
		}

		@Override
		public void heal(PrintWriter out) {
			try {
				String ids = primary(this.topology,
						"WITH lost AS (UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL RETURNING id) "
								+ "SELECT string_agg(id::text, ',') FROM lost");
				if (!ids.isBlank()) {
					Stream.of(ids.split(",")).map(Long::valueOf).forEach(lost::add);
				}
				out.printf("lost-outbox: %d waiting events marked sent, never sent%n", lost.size());
			}
			finally {
				this.outage.heal(out);
			}
		}

		static void giveBackTheLostEvents(Topology topology) {
			if (!lost.isEmpty()) {
				primary(topology, "UPDATE outbox SET sent_at = NULL WHERE id IN ("
						+ String.join(",", lost.stream().map(String::valueOf).toList()) + ")");
				lost.clear();
			}
		}

		private static String primary(Topology topology, String sql) {
			try (SystemProbe probe = SystemProbe.open(topology.paths())) {
				return topology.database().nodes().postgres().query(probe.database().requirePrimary(), "orders", sql);
			}
		}

	}

}
