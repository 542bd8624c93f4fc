package com.example.shop.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation id of the work in progress on this thread, kept in the logging context
 * (MDC) so that every log line carries it.
 */
public final class Correlation {

	/** The HTTP header a client may send, and every response carries. */
	public static final String HEADER = "X-Correlation-Id";

	/** The key in the logging context, and the name of the SQS message attribute. */
	public static final String KEY = "correlationId";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private Correlation() {
	}

	/**
	 * The id to use for a request: the client's, when it is a sensible one, else a new
	 * one.
	 * @param offered what the client sent, if anything
	 * @return the correlation id
	 */
	public static String accept(@Nullable String offered) {
		return (offered != null && VALID.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

	/**
	 * @return the current correlation id, or {@code null} outside a request or message
	 */
	public static @Nullable String current() {
		return MDC.get(KEY);
	}

	/**
	 * Sets the current correlation id.
	 * @param id the id, or {@code null} to clear it
	 */
	public static void set(@Nullable String id) {
		if (id == null) {
			MDC.remove(KEY);
		}
		else {
			MDC.put(KEY, id);
		}
	}

}
