package com.example.shop.web.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.example.shop.testsupport.OutsideTests;
import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;
import com.example.shop.web.WebApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rules 2 and 3: readiness is down once shutdown begins, and the instance keeps serving
 * requests during the deregistration delay, so the load balancer can take it out of
 * rotation before it stops accepting connections. (The same with a real SIGTERM and a
 * real load balancer is in the lab's test.)
 */
class GracefulShutdownTests {

	@Test
	void readinessGoesDownWhenShutdownBeginsWhileRequestsAreStillServed() {
		ConfigurableApplicationContext context = SpringApplication.from(WebApplication::main)
			.with(TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class,
					OutsideTests.class)
			.run("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
					"--orders.health.deregistration-delay=4s")
			.getApplicationContext();
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
		assertThat(HealthTests.status(port, "/readyz")).isEqualTo(200);

		CompletableFuture<Void> shutdown = CompletableFuture.runAsync(context::close);

		await().atMost(Duration.ofSeconds(3)).until(() -> HealthTests.status(port, "/readyz") == 503);
		assertThat(HealthTests.status(port, "/api/products")).isEqualTo(200);
		shutdown.join();
		assertThat(context.isActive()).isFalse();
	}

}
