package com.example.shop.web.health;

import java.time.Duration;
import java.time.Instant;

import com.example.shop.catalog.ProductRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Warms the instance up before it takes traffic: opens database connections and serves a
 * first query, so the first customer does not pay for it. Spring Boot reports readiness
 * only after every runner has finished, so readiness stays down until this returns. It
 * gives up after {@code orders.health.warm-up-timeout}: an instance that starts during a
 * database outage still becomes ready, because readiness must not depend on the database
 * (rule 1).
 */
@Component
class WarmUp implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	private final ProductRepository products;

	private final Duration timeout;

	WarmUp(ProductRepository products, HealthProperties properties) {
		this.products = products;
		this.timeout = properties.warmUpTimeout();
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		Instant deadline = Instant.now().plus(this.timeout);
		while (true) {
			try {
				int count = this.products.findAll().size();
				log.info("Warmed up: database answering, {} products in the catalogue", count);
				return;
			}
			catch (RuntimeException ex) {
				if (Instant.now().isAfter(deadline)) {
					log.warn("Database not answering after {}; ready anyway, readiness is local", this.timeout);
					return;
				}
				Thread.sleep(Duration.ofMillis(500));
			}
		}
	}

}
