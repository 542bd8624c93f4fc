package com.example.shop.web;

import java.security.Security;
import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The web tier's entry point. It scans {@code com.example.shop} so that core's
 * repositories are found beside the web tier's own features.
 */
@SpringBootApplication(scanBasePackages = "com.example.shop")
@ConfigurationPropertiesScan("com.example.shop")
@EnableScheduling
public class WebApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		// RDS fails over by pointing its DNS name at the standby: look names up again
		// after
		// 5 s, not after the JVM's default of 30 s (or forever with a security manager).
		Security.setProperty("networkaddress.cache.ttl", "5");
		SpringApplication.run(WebApplication.class, args);
	}

}
