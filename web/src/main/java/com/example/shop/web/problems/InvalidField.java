package com.example.shop.web.problems;

import java.util.List;

import org.springframework.http.ProblemDetail;

/**
 * One reason a request was refused, as listed under {@code errors} in a problem detail.
 *
 * @param field where the problem is: a JSON path such as {@code lines[0].quantity}, a
 * query parameter or a header name
 * @param reason what is wrong with it
 */
public record InvalidField(String field, String reason) {

	/**
	 * Adds the fields at fault to a problem detail, and says them in its {@code detail}
	 * too.
	 * @param problem the problem to complete
	 * @param errors the fields at fault
	 * @return the same problem
	 */
	public static ProblemDetail addTo(ProblemDetail problem, List<InvalidField> errors) {
		problem.setDetail(
				String.join("; ", errors.stream().map((error) -> error.field() + " " + error.reason()).toList()));
		problem.setProperty("errors", errors);
		return problem;
	}

}
