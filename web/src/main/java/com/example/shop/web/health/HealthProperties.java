package com.example.shop.web.health;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the instance reports its health.
 *
 * @param deepReadiness whether readiness also checks the database: off, because that is
 * the mistake rule 1 prevents; the lab turns it on to show the cascading failure it
 * causes
 * @param warmUpTimeout how long start-up waits for a first database query before the
 * instance declares itself ready anyway
 * @param deregistrationDelay how long the instance keeps serving after readiness goes
 * down on shutdown, so the load balancer stops sending it requests first
 */
@Validated
@ConfigurationProperties("orders.health")
record HealthProperties(boolean deepReadiness, @NotNull Duration warmUpTimeout, @NotNull Duration deregistrationDelay) {
}
