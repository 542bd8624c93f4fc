package com.example.shop.web.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the page; {@code GET /dashboard/state}: the monitor's latest picture,
 * passed through. The monitor answers from memory; it is given 800 ms, since the page
 * asks again a second later anyway. Exists only where a monitor is configured.
 */
@RestController
@ConditionalOnProperty("orders.dashboard.source")
class DashboardController {

	private static final Resource PAGE = new ClassPathResource("dashboard/index.html");

	private static final Duration TIMEOUT = Duration.ofMillis(800);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final URI source;

	DashboardController(DashboardProperties properties) {
		this.source = Objects.requireNonNull(properties.source(), "orders.dashboard.source");
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	Resource page() {
		return PAGE;
	}

	@GetMapping(path = "/dashboard/state", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> state() {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.source).timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response.body());
			}
			return unreachable("the monitor answered " + response.statusCode());
		}
		catch (IOException ex) {
			return unreachable("the monitor did not answer: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unreachable("interrupted");
		}
	}

	private static ResponseEntity<ProblemDetail> unreachable(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Monitor unreachable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
