package com.example.shop.load;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one order request, as seen by the client: either an HTTP status (and
 * the order's id when the body had one) or an {@link ErrorKind}. One of these becomes one
 * line of the {@code --record} file.
 *
 * @param key the idempotency key sent with the request
 * @param status the HTTP status, or {@code null} when no answer arrived
 * @param orderId the {@code id} of the answer's body, if any
 * @param latencyMs from sending the request to the end of the answer (or the failure)
 * @param error why there was no answer, or {@code null} when there was one
 * @param sentAt when the request was sent, in milliseconds since the epoch
 */
record Outcome(String key, @Nullable Integer status, @Nullable String orderId, long latencyMs,
		@Nullable ErrorKind error, long sentAt) {

	static Outcome answered(String key, int status, @Nullable String orderId, long latencyMs, long sentAt) {
		return new Outcome(key, status, orderId, latencyMs, null, sentAt);
	}

	static Outcome failed(String key, ErrorKind error, long latencyMs, long sentAt) {
		return new Outcome(key, null, null, latencyMs, error, sentAt);
	}

	/**
	 * This outcome as one line of JSON, with every field present (absent values are
	 * {@code null}), so that the file can be read by any JSON Lines tool.
	 */
	String toJson() {
		return "{\"key\":" + quoted(this.key) + ",\"status\":" + this.status + ",\"orderId\":"
				+ ((this.orderId != null) ? quoted(this.orderId) : "null") + ",\"latencyMs\":" + this.latencyMs
				+ ",\"error\":" + ((this.error != null) ? quoted(this.error.label()) : "null") + ",\"sentAt\":"
				+ this.sentAt + "}";
	}

	private static String quoted(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append("\\u%04x".formatted((int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
