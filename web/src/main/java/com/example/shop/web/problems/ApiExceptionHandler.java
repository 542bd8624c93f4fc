package com.example.shop.web.problems;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every way a request can be wrong into a problem detail that names the field and
 * the reason. Spring already answers with problem details; this adds the {@code errors}
 * list and keeps Jackson's messages (which name Java classes) out of responses.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	static ProblemDetail payloadTooLarge(long maxBytes) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE);
		return InvalidField.addTo(problem, List.of(new InvalidField("body", "is larger than " + maxBytes + " bytes")));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, status, headers, request, fieldErrors(ex.getBindingResult().getAllErrors()));
	}

	/**
	 * A method with constraints on its parameters (the idempotency key header) is
	 * validated as a whole: errors in the request body arrive here too, as
	 * {@link ParameterErrors}.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> (result instanceof ParameterErrors body) ? fieldErrors(body.getAllErrors()).stream()
					: result.getResolvableErrors()
						.stream()
						.map((error) -> new InvalidField(parameterName(result.getMethodParameter()), reason(error))))
			.toList();
		return problem(ex, HttpStatus.BAD_REQUEST, headers, request, errors);
	}

	private static List<InvalidField> fieldErrors(List<? extends MessageSourceResolvable> errors) {
		return errors.stream()
			.map((error) -> new InvalidField((error instanceof FieldError field) ? field.getField() : "body",
					reason(error)))
			.sorted(Comparator.comparing(InvalidField::field))
			.toList();
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return problem(ex, status, headers, request,
					List.of(new InvalidField(missing.getHeaderName(), "is required")));
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		String expected = (ex.getRequiredType() != null) ? describe(ex.getRequiredType()) : "of another type";
		return problem(ex, status, headers, request, List.of(new InvalidField(field, "must be " + expected)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof PayloadTooLargeException tooLarge) {
			ProblemDetail problem = payloadTooLarge(tooLarge.maxBytes());
			return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		return problem(ex, status, headers, request, List.of(unreadable(cause)));
	}

	private static InvalidField unreadable(Throwable cause) {
		if (cause instanceof InputCoercionException coercion) {
			return new InvalidField(path(coercion), "is out of range");
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			Class<?> target = mismatch.getTargetType();
			return new InvalidField(path(mismatch),
					"must be " + ((target != null) ? describe(target) : "of another type"));
		}
		if (cause instanceof StreamReadException malformed && malformed.getLocation() != null) {
			return new InvalidField("body", "is not valid JSON (line %d, column %d)"
				.formatted(malformed.getLocation().getLineNr(), malformed.getLocation().getColumnNr()));
		}
		return new InvalidField("body", "is missing or is not valid JSON");
	}

	private ResponseEntity<Object> problem(Exception ex, HttpStatusCode status, HttpHeaders headers, WebRequest request,
			List<InvalidField> errors) {
		ProblemDetail problem = InvalidField.addTo(ProblemDetail.forStatus(status), errors);
		problem.setTitle("Invalid request");
		ResponseEntity<Object> response = handleExceptionInternal(ex, problem, headers, status, request);
		return (response != null) ? response : ResponseEntity.status(status).body(problem);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
			else if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String describe(Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		if (Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (type == String.class) {
			return "a string";
		}
		return "a JSON " + (type.isRecord() ? "object" : "value");
	}

	private static String parameterName(MethodParameter parameter) {
		var header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		var param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "parameter";
	}

	private static String reason(MessageSourceResolvable error) {
		String message = error.getDefaultMessage();
		return (message != null) ? message : "is invalid";
	}

}
