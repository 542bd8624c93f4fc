package com.example.shop.web.resilience;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import com.example.shop.web.problems.ProblemResponses;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load instead of queueing it (rule 7). At most
 * {@code resilience4j.bulkhead.instances.api.max-concurrent-calls} requests are in
 * progress on this instance; one more is refused at once with {@code 503} and
 * {@code Retry-After}, so that a spike costs the excess a fast error instead of costing
 * everyone a timeout. The health endpoints are never shed: an overloaded instance is
 * busy, not broken, and must not be taken out of the load balancer for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LoadSheddingFilter extends OncePerRequestFilter {

	private static final Set<String> NEVER_SHED = Set.of("/readyz", "/livez");

	private final Bulkhead bulkhead;

	private final JsonMapper json;

	LoadSheddingFilter(BulkheadRegistry bulkheads, JsonMapper json) {
		this.bulkhead = bulkheads.bulkhead("api");
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return NEVER_SHED.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.bulkhead.tryAcquirePermission()) {
			int limit = this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
			ProblemResponses.write(request, response,
					ProblemResponses.unavailable("Overloaded",
							"This instance is serving its limit of " + limit + " concurrent requests; try again."),
					ProblemResponses.retryAfter(Duration.ofSeconds(1)), this.json);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.bulkhead.onComplete();
		}
	}

}
