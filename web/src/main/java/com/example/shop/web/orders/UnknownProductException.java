package com.example.shop.web.orders;

import java.util.List;

import com.example.shop.web.problems.InvalidField;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Some order lines name skus that are not in the catalogue. */
class UnknownProductException extends ErrorResponseException {

	UnknownProductException(List<InvalidField> unknown) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(unknown), null);
	}

	private static ProblemDetail problem(List<InvalidField> unknown) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setTitle("Unknown product");
		return InvalidField.addTo(problem, unknown);
	}

}
