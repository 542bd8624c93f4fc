package com.example.shop.lab.fleet;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.shop.lab.Lab;
import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.probe.BalancerProbe;
import com.example.shop.lab.probe.NodeRole;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.LoadBalancer;
import com.example.shop.lab.testing.OrdersApi;
import com.example.shop.lab.testing.RunningLab;
import com.example.shop.lab.testing.SharedLab;
import com.example.shop.lab.testing.SteadyLoad;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lab end to end, as a presenter would run it: orders through the load balancer, its
 * fail-open, one web instance stopped and routed around, the synchronous standby holding
 * every order, a failover survived, dead instances replaced in their zone. It needs
 * PostgreSQL and HAProxy installed ({@code .ci/run} installs them and sets
 * {@code LAB_REQUIRED=true}, which turns a missing prerequisite into a failure instead of
 * a skip). It fails the database over and rebuilds the old primary as the standby, so the
 * other node is primary afterwards; it runs from either node as the primary.
 */
@ExtendWith(SharedLab.class)
@SharedLab.RunsFrom(anyPrimary = true)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabIT {

	private static final String LOAD_BALANCER = OrdersApi.LOAD_BALANCER;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	@Order(2)
	void loadBalancerFailsOpenWhenNoInstancePassesItsCheck() throws Exception {
		LoadBalancer loadBalancer = RunningLab.loadBalancer();
		BalancerProbe balancer = new BalancerProbe(RunningLab.paths());
		loadBalancer.runtime("set server web/web-1 health down");
		loadBalancer.runtime("set server web/web-2 health down");

		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			responses.add(OrdersApi.placeOrder());
		}

		// "DOWN", or "DOWN 1/2" once the next check has passed on its way back up
		assertThat(balancer.webStatus().get("web-1")).startsWith("DOWN");
		assertThat(balancer.webStatus().get("web-2")).startsWith("DOWN");
		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
		assertThat(responses).extracting((response) -> response.headers().firstValue("X-Lab-Server").orElse("?"))
			.containsOnly("web-1-open", "web-2-open");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "UP".equals(balancer.webStatus().get("web-1"))
					&& "UP".equals(balancer.webStatus().get("web-2")));
	}

	@Test
	@Order(3)
	void ordersFlowThroughTheLabAndTheSynchronousStandbyHasThem() throws Exception {
		List<UUID> placed = OrdersApi.placeOrders(10);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> placed.stream().allMatch((id) -> "PROCESSED".equals(OrdersApi.status(id))));
		assertStandbyIsSynchronousAndHas(placed);
	}

	@Test
	@Order(4)
	void stoppingAnInstanceGracefullyUnderLoadCostsNoRequest() throws Exception {
		LabState.Component web1 = LabState.load(LabPaths.fromSystem()).get("web-1").orElseThrow();
		SteadyLoad load = SteadyLoad.start(LOAD_BALANCER, Duration.ofMillis(100));
		Thread.sleep(Duration.ofSeconds(2));

		boolean killed = Processes.stop(web1.pid(), Duration.ofSeconds(60));
		Thread.sleep(Duration.ofSeconds(2));
		List<SteadyLoad.Outcome> outcomes = load.stop();

		assertThat(killed).as("web-1 had to be killed: its graceful shutdown did not end").isFalse();
		assertThat(outcomes).hasSizeGreaterThan(50);
		assertThat(outcomes).as("failed requests").filteredOn((outcome) -> outcome.status() != 201).isEmpty();
		assertThat(outcomes).extracting(SteadyLoad.Outcome::servedBy).contains("web-1", "web-2");
		assertThat(new BalancerProbe(RunningLab.paths()).webStatus().get("web-1")).startsWith("DOWN");
	}

	@Test
	@Order(5)
	void databaseFailoverIsSurvivedWithoutRestart() throws Exception {
		LabState before = LabState.load(LabPaths.fromSystem());
		DatabasePair database = RunningLab.database();
		DatabaseNode primaryBefore;
		try (SystemProbe probe = RunningLab.probe()) {
			primaryBefore = probe.database().requirePrimary();
		}
		SteadyLoad load = SteadyLoad.start(LOAD_BALANCER, Duration.ofMillis(100));
		Thread.sleep(Duration.ofSeconds(3));

		DatabaseNode primary = database.failover(before);
		Thread.sleep(Duration.ofSeconds(15));
		List<SteadyLoad.Outcome> outcomes = load.stop();

		List<SteadyLoad.Outcome> failed = outcomes.stream().filter((outcome) -> outcome.status() != 201).toList();
		System.out.printf("Failover: %d requests, %d failed, error window %d ms%n", outcomes.size(), failed.size(),
				failed.isEmpty() ? 0
						: Duration.between(failed.getFirst().sentAt(), failed.getLast().sentAt()).toMillis());
		assertThat(primary).isEqualTo(primaryBefore.other());
		try (SystemProbe probe = RunningLab.probe()) {
			assertThat(probe.database().role(primary)).isEqualTo(NodeRole.PRIMARY);
		}
		List<SteadyLoad.Outcome> lastFiveSeconds = outcomes.stream()
			.filter((outcome) -> outcome.sentAt().isAfter(outcomes.getLast().sentAt().minusSeconds(5)))
			.toList();
		assertThat(lastFiveSeconds).as("writes resumed").isNotEmpty().allMatch((outcome) -> outcome.status() == 201);
		List<UUID> acknowledged = outcomes.stream()
			.filter((outcome) -> outcome.status() == 201)
			.map(SteadyLoad.Outcome::orderId)
			.toList();
		String ids = String.join(",", acknowledged.stream().map((id) -> "'" + id + "'").toList());
		assertThat(database.nodes()
			.postgres()
			.query(primary, "orders", "SELECT count(*) FROM orders WHERE id IN (" + ids + ")"))
			.as("acknowledged orders on the new primary")
			.isEqualTo(String.valueOf(acknowledged.size()));
		assertThat(before.get("web-2").orElseThrow().pid()).as("web-2 was not restarted").matches(Processes::isAlive);
		database.rebuildStandby(primary, LabState.load(LabPaths.fromSystem()));
	}

	@Test
	@Order(1)
	void statusReportsEveryComponentAsJson() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		Lab.execute(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "status", "--json");

		JsonNode status = JSON.readTree(out.toString(StandardCharsets.UTF_8));
		try (SystemProbe probe = RunningLab.probe()) {
			assertThat(status.get("databasePrimary").asString()).isEqualTo(probe.database().requirePrimary().name());
		}
		assertThat(status.get("components").findValues("name")).extracting(JsonNode::asString)
			.contains("load-balancer", "db-a", "db-b", "sqs", "s3", "faults", "web-1", "web-2", "worker-1");
		assertThat(status.get("queues").has("orders-dlq")).isTrue();
		Map<String, String> zones = new HashMap<>();
		status.get("components")
			.forEach((component) -> zones.put(component.get("name").asString(), component.get("zone").asString()));
		assertThat(zones).containsEntry("web-1", "a")
			.containsEntry("web-2", "b")
			.containsEntry("worker-1", "a")
			.containsEntry("db-a", "a")
			.containsEntry("db-b", "b")
			.containsEntry("sqs", "-")
			.containsEntry("replacer", "-");
	}

	/**
	 * Runs after web-1 was stopped behind the lab's back (order 4): the replacer starts
	 * it again in its zone; turned off, it leaves a killed web-2 dead until turned on
	 * again.
	 */
	@Test
	@Order(6)
	void deadInstancesAreReplacedInTheirZoneUnlessReplacingIsOff() throws Exception {
		LabPaths paths = LabPaths.fromSystem();
		await().atMost(Duration.ofSeconds(150))
			.until(() -> LabState.load(paths)
				.get("web-1")
				.filter((web) -> Processes.isAlive(web.pid()) && Instances.ready(web))
				.isPresent());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> OrdersApi.placeOrder(),
					(response) -> response.headers().firstValue("X-Lab-Server").filter("web-1"::equals).isPresent()
							&& response.headers().firstValue("X-Served-Zone").filter("a"::equals).isPresent());

		assertThat(RunningLab.lab("replace", "off")).isZero();
		LabState.Component web2 = LabState.load(paths).get("web-2").orElseThrow();
		Processes.kill(web2.pid());
		Thread.sleep(Replacer.GRACE.plusSeconds(10));
		assertThat(LabState.load(paths).get("web-2")).as("still the killed web-2").hasValue(web2);

		assertThat(RunningLab.lab("replace", "on")).isZero();
		await().atMost(Duration.ofSeconds(150))
			.until(() -> LabState.load(paths)
				.get("web-2")
				.filter((web) -> web.pid() != web2.pid() && Processes.isAlive(web.pid()) && Instances.ready(web))
				.isPresent());
		assertThat(Files.readString(paths.log("replacer"))).contains("web-1 (pid", "starting a new one in zone a")
			.contains("web-2 (pid " + web2.pid() + ") is dead; starting a new one in zone b");
	}

	private void assertStandbyIsSynchronousAndHas(List<UUID> orders) {
		DatabaseNode standby;
		try (SystemProbe probe = RunningLab.probe()) {
			standby = probe.database().requirePrimary().other();
			assertThat(probe.database().role(standby)).isEqualTo(NodeRole.STANDBY);
			assertThat(probe.database().synchronousStandbys()).isOne();
		}
		String ids = String.join(",", orders.stream().map((id) -> "'" + id + "'").toList());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> RunningLab.database()
				.nodes()
				.postgres()
				.query(standby, "orders", "SELECT count(*) FROM orders WHERE id IN (" + ids + ")"),
					(count) -> count.equals("10"));
	}

}
