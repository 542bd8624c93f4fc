package com.example.shop.lab.load;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One request as the load generator saw it. These records, not the servers' logs, say
 * what a customer experienced: a request the system never answered leaves no trace on the
 * server side but always leaves one here.
 *
 * @param key the idempotency key the request carried
 * @param status the HTTP status, or {@code null} when no answer came
 * @param orderId the order the answer named, if any
 * @param latencyMs how long the client waited, up to its timeout
 * @param error {@code conn} or {@code timeout} when no answer came, else {@code null}
 * @param sentAt when the request was sent, epoch milliseconds
 */
public record ClientRecord(String key, @Nullable Integer status, @Nullable UUID orderId, long latencyMs,
		@Nullable String error, long sentAt) {

	/**
	 * Whether the system took the order: only then may the customer rely on it.
	 * @return {@code true} for status 200 (a replayed key) or 201
	 */
	public boolean acknowledged() {
		return this.status != null && (this.status == 200 || this.status == 201);
	}

	/**
	 * Whether the customer saw a failure: no answer, or any answer but 200 or 201.
	 * @return {@code true} unless {@link #acknowledged()}
	 */
	public boolean failed() {
		return !acknowledged();
	}

	/**
	 * When the customer stopped waiting.
	 * @return {@code sentAt + latencyMs}, epoch milliseconds
	 */
	public long endedAt() {
		return this.sentAt + this.latencyMs;
	}

	/**
	 * What kind of failure this is, for counting errors by kind.
	 * @return the status as text ({@code 503}), else the error label ({@code timeout})
	 */
	public String kind() {
		if (this.status != null) {
			return String.valueOf(this.status);
		}
		return (this.error != null) ? this.error : "no answer";
	}

	/**
	 * Reads the load generator's record file (JSON Lines, in completion order).
	 * @param jsonl the file
	 * @return the records sorted by {@code sentAt}, so that time runs forwards
	 * @throws java.io.UncheckedIOException if the file cannot be read
	 * @throws IllegalArgumentException naming the file and line of a malformed line
	 */
	public static List<ClientRecord> read(Path jsonl) {
		return RecordFile.read(jsonl);
	}

}
