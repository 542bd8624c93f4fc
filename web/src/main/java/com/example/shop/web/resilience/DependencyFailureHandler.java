package com.example.shop.web.resilience;

import java.time.Duration;

import com.example.shop.web.problems.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A dependency that fails is a {@code 503} with {@code Retry-After}, never a {@code 500}:
 * the client learns that the request was not done and when to try again (rule 6). With
 * the breaker open the answer comes in milliseconds, without touching the dead
 * dependency.
 */
@RestControllerAdvice
class DependencyFailureHandler {

	private static final Duration TRY_AGAIN_SOON = Duration.ofSeconds(1);

	private final ObjectProvider<CircuitBreakerRegistry> breakers;

	DependencyFailureHandler(ObjectProvider<CircuitBreakerRegistry> breakers) {
		this.breakers = breakers;
	}

	/**
	 * A circuit breaker is open: the dependency failed repeatedly and is not called for a
	 * while. The answer comes at once, and says when the breaker will let calls through
	 * again.
	 */
	@ExceptionHandler(CallNotPermittedException.class)
	ResponseEntity<ProblemDetail> breakerOpen(CallNotPermittedException ex) {
		String dependency = ex.getCausingCircuitBreakerName();
		Duration wait = this.breakers.stream()
			.map((registry) -> registry.circuitBreaker(dependency).getCircuitBreakerConfig())
			.map((config) -> Duration.ofMillis(config.getWaitIntervalFunctionInOpenState().apply(1)))
			.findFirst()
			.orElse(TRY_AGAIN_SOON);
		return unavailable("The " + dependency + " is unavailable; this instance stopped calling it for now.", wait);
	}

	/** The database failed this request (it is down, failing over, or too slow). */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			TransactionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		return unavailable("The database did not answer in time.", TRY_AGAIN_SOON);
	}

	/** S3 failed this request (a receipt download). */
	@ExceptionHandler(SdkException.class)
	ResponseEntity<ProblemDetail> storageUnavailable(SdkException ex) {
		return unavailable("The receipt store did not answer in time.", TRY_AGAIN_SOON);
	}

	private static ResponseEntity<ProblemDetail> unavailable(String detail, Duration retryAfter) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, ProblemResponses.retryAfter(retryAfter))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.unavailable("Service unavailable", detail));
	}

}
