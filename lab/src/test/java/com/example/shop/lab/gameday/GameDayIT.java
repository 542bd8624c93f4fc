package com.example.shop.lab.gameday;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import com.example.shop.lab.faults.Fault;
import com.example.shop.lab.faults.RouteFault;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.gameday.report.ScenarioResult;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.standins.Database;
import com.example.shop.lab.testing.RunningLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/lab gameday --quick} against the real lab: every scenario passes, and the
 * report says so in the shape the issue asks for. A scenario with a broken invariant (an
 * outbox that loses its events while SQS is down, as publishing directly would) fails,
 * naming the orders it left unprocessed: the checks bite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GameDayIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@BeforeAll
	static void bringTheLabUp() throws Exception {
		RunningLab.up();
	}

	@AfterAll
	static void takeTheLabDown() {
		RunningLab.down();
	}

	@Test
	@Order(1)
	void aLostOutboxFailsTheScenarioWithTheOrdersItLeftUnprocessed(@TempDir Path folder) {
		Topology topology = new Topology(RunningLab.paths(), new PrintWriter(System.out, true));
		Scenario broken = new Scenario("lost-outbox", "An outbox that loses its events while SQS is down",
				"cut SQS for 6 s and delete the events waiting in the outbox", Duration.ofSeconds(5),
				Duration.ofSeconds(8), (stage) -> new OutboxLosingFault(stage.topology()),
				Expectations.noClientErrors());

		List<ScenarioResult> results = new GameDay(topology, folder, new PrintWriter(System.out, true))
			.run(List.of(broken));

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
	 * are deleted, as if the service had published directly and lost them. The orders
	 * were acknowledged; their receipts never come.
	 */
	private static final class OutboxLosingFault implements Fault {

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
			Secrets secrets = Secrets.loadOrCreate(this.topology.paths());
			try (Connection db = DriverManager.getConnection(Database.jdbcUrl(), "orders", secrets.databasePassword());
					Statement delete = db.createStatement()) {
				out.printf("lost-outbox: deleted %d waiting events%n",
						delete.executeUpdate("DELETE FROM outbox WHERE sent_at IS NULL"));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				this.outage.heal(out);
			}
		}

	}

}
