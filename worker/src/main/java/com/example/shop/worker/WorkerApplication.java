package com.example.shop.worker;

import java.security.Security;
import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Starts the worker tier. It scans all of {@code com.example.shop}, so the order
 * repository it shares with the web tier (from {@code core}) is found without being
 * listed here.
 */
@SpringBootApplication(scanBasePackages = "com.example.shop")
public class WorkerApplication {

	/**
	 * The one clock the worker reads, so that a test can fix the time if it needs to.
	 * @return the system clock in UTC
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		// RDS fails over by pointing its DNS name at the standby: look names up again
		// after 5 s.
		Security.setProperty("networkaddress.cache.ttl", "5");
		SpringApplication.run(WorkerApplication.class, args);
	}

}
