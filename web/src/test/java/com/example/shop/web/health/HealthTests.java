package com.example.shop.web.health;

import com.example.shop.testsupport.TestBucket;
import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabase;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;
import com.example.shop.testsupport.TestQueues;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 1: what the load balancer checks reports this instance only. With the database,
 * SQS and S3 all unreachable at once, readiness and liveness stay UP, while the full
 * health on the management port shows the database down for the humans looking at it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.server.port=0" })
@Import({ TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class })
class HealthTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void readinessAndLivenessStayUpWhileEveryDependencyIsDown() {
		TestDatabase.proxy().cut();
		TestQueues.stop();
		TestBucket.stop();
		try {
			int readiness = status(this.port, "/readyz");
			int liveness = status(this.port, "/livez");
			JsonNode fullHealth = JSON.readTree(body(this.managementPort, "/actuator/health"));

			assertThat(readiness).as(() -> body(this.port, "/readyz")).isEqualTo(200);
			assertThat(liveness).isEqualTo(200);
			assertThat(fullHealth.get("status").asString()).isEqualTo("DOWN");
			assertThat(fullHealth.get("components").get("db").get("status").asString()).isEqualTo("DOWN");
		}
		finally {
			TestDatabase.proxy().restore();
			TestQueues.restart();
			TestBucket.restart();
		}
	}

	@Test
	void fullHealthIsNotOnTheTrafficPort() {
		assertThat(status(this.port, "/actuator/health")).isEqualTo(404);
		assertThat(body(this.managementPort, "/actuator/health")).contains("\"readinessState\"");
	}

	static int status(int port, String path) {
		return client(port).get().uri(path).exchange((request, response) -> response.getStatusCode().value());
	}

	static String body(int port, String path) {
		return client(port).get().uri(path).exchange((request, response) -> response.bodyTo(String.class));
	}

	private static RestClient client(int port) {
		return RestClient.create("http://127.0.0.1:" + port);
	}

}
