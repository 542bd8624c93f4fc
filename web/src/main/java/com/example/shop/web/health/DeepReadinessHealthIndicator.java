package com.example.shop.web.health;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The "deep" part of readiness, off by default. When {@code orders.health.deep-readiness}
 * is on, readiness also fails when the database does not answer: every instance then
 * fails its check at once during a database outage. The lab uses it to demonstrate
 * exactly that, and the load balancer's fail-open behaviour that limits the damage.
 */
@Component
class DeepReadinessHealthIndicator implements HealthIndicator {

	private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(1);

	private final boolean enabled;

	private final JdbcTemplate jdbc;

	DeepReadinessHealthIndicator(HealthProperties properties, JdbcTemplate jdbc) {
		this.enabled = properties.deepReadiness();
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setQueryTimeout((int) QUERY_TIMEOUT.toSeconds());
	}

	@Override
	public Health health() {
		if (!this.enabled) {
			return Health.up()
				.withDetail("database", "not checked: readiness is local (orders.health.deep-readiness)")
				.build();
		}
		try {
			this.jdbc.queryForObject("SELECT 1", Integer.class);
			return Health.up().withDetail("database", "answering").build();
		}
		catch (RuntimeException ex) {
			return Health.down().withDetail("database", "not answering").build();
		}
	}

}
