package com.example.shop.web.problems;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Problem details for the places Spring MVC's exception handling does not reach (servlet
 * filters, which answer before a controller is chosen), and the one shape of every
 * "unavailable, try again" answer.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	/**
	 * A {@code 503} that tells the client when to try again.
	 * @param title what is unavailable
	 * @param detail why, in a sentence
	 * @return the problem
	 */
	public static ProblemDetail unavailable(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The {@code Retry-After} value for a wait: whole seconds, as HTTP defines it,
	 * rounded up.
	 * @param wait how long to wait
	 * @return the header value
	 */
	public static String retryAfter(Duration wait) {
		return String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000));
	}

	/**
	 * Writes a problem as the whole response.
	 * @param request the request answered
	 * @param response the response to write
	 * @param problem the problem
	 * @param retryAfter the {@code Retry-After} value, or {@code null} for none
	 * @param json the application's JSON mapper
	 * @throws IOException if the client has gone
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
			@Nullable String retryAfter, JsonMapper json) throws IOException {
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		json.writeValue(response.getOutputStream(), problem);
	}

}
