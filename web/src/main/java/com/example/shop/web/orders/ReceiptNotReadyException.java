package com.example.shop.web.orders;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The order exists but its receipt has not been rendered yet. */
class ReceiptNotReadyException extends ErrorResponseException {

	ReceiptNotReadyException(UUID id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(UUID id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"Order " + id + " is accepted; its receipt is not ready yet. Try again in a few seconds.");
		problem.setTitle("Receipt not ready");
		return problem;
	}

}
