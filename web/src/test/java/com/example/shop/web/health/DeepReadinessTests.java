package com.example.shop.web.health;

import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabase;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch the lab uses to demonstrate the mistake rule 1 prevents: with
 * {@code orders.health.deep-readiness} on, readiness fails as soon as the database does,
 * on every instance at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.server.port=0", "orders.health.deep-readiness=true" })
@Import({ TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class })
class DeepReadinessTests {

	@LocalServerPort
	private int port;

	@Test
	void deepReadinessFailsWithTheDatabase() {
		int before = HealthTests.status(this.port, "/readyz");
		TestDatabase.proxy().cut();
		try {
			int during = HealthTests.status(this.port, "/readyz");

			assertThat(before).isEqualTo(200);
			assertThat(during).isEqualTo(503);
		}
		finally {
			TestDatabase.proxy().restore();
		}
	}

}
