package com.example.shop.web.orders;

import java.util.List;
import java.util.UUID;

import com.example.shop.web.problems.InvalidField;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The idempotency key already stands for an order placed with a different request. */
class IdempotencyKeyReusedException extends ErrorResponseException {

	IdempotencyKeyReusedException(UUID existingOrderId) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(existingOrderId), null);
	}

	private static ProblemDetail problem(UUID existingOrderId) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setTitle("Idempotency key reused");
		InvalidField.addTo(problem, List.of(new InvalidField(OrderController.IDEMPOTENCY_KEY,
				"was already used for a different order; use a new key for a new order")));
		problem.setProperty("orderId", existingOrderId);
		return problem;
	}

}
