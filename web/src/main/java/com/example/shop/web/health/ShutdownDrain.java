package com.example.shop.web.health;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first step of a graceful shutdown (rule 3). On SIGTERM the context closes:
 * readiness goes down, and this keeps the instance serving for
 * {@code orders.health.deregistration-delay}, long enough for the load balancer's health
 * checks to take it out of rotation; only then does the web server's own graceful
 * shutdown stop accepting connections and wait for in-flight requests. Without the delay,
 * requests routed to the instance in the seconds before the load balancer notices would
 * be refused.
 * <p>
 * It listens for the context closing rather than being a lifecycle that stops first,
 * because a lifecycle is also stopped when a context is merely paused (as the test
 * framework does with cached contexts), and readiness must not go down then.
 */
@Component
class ShutdownDrain {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final ApplicationContext context;

	private final Duration delay;

	ShutdownDrain(ApplicationContext context, HealthProperties properties) {
		this.context = context;
		this.delay = properties.deregistrationDelay();
	}

	@EventListener
	void onClose(ContextClosedEvent event) throws InterruptedException {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		log.info("Shutting down: readiness is down; serving {} more while the load balancer deregisters us",
				this.delay);
		Thread.sleep(this.delay);
	}

}
