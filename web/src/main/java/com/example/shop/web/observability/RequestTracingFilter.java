package com.example.shop.web.observability;

import java.io.IOException;

import com.example.shop.observability.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (the client's {@code X-Correlation-Id}, or a new
 * one) for the duration of the request, and stamps every response with it and with the
 * name of the instance that served it ({@code X-Served-By}) and its Availability Zone
 * ({@code X-Served-Zone}, when the instance knows it: {@code orders.availability-zone}).
 * Runs first, so even shed and refused requests carry them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestTracingFilter extends OncePerRequestFilter {

	static final String SERVED_BY = "X-Served-By";

	static final String SERVED_ZONE = "X-Served-Zone";

	private final String instanceName;

	private final String zone;

	RequestTracingFilter(Environment environment) {
		this.instanceName = environment.getProperty("orders.instance-name", "web");
		this.zone = environment.getProperty("orders.availability-zone", "");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String correlationId = Correlation.accept(request.getHeader(Correlation.HEADER));
		response.setHeader(Correlation.HEADER, correlationId);
		response.setHeader(SERVED_BY, this.instanceName);
		if (!this.zone.isEmpty()) {
			response.setHeader(SERVED_ZONE, this.zone);
		}
		Correlation.set(correlationId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			Correlation.set(null);
		}
	}

}
