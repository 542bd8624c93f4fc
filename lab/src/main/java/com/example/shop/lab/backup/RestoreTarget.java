package com.example.shop.lab.backup;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.example.shop.lab.host.LabException;
import org.jspecify.annotations.Nullable;

/**
 * What {@code bin/lab restore --to} restores to: a moment, or {@code latest}, everything
 * the WAL archive holds.
 *
 * @param time the moment, or {@code null} for the latest
 */
public record RestoreTarget(@Nullable Instant time) {

	public static final RestoreTarget LATEST = new RestoreTarget(null);

	/**
	 * Reads a target as people write it: {@code latest}, or an ISO-8601 instant with its
	 * zone, {@code 2026-11-29T10:15:00Z} (an offset such as {@code +01:00} is allowed; a
	 * time without one is refused, since the lab's clock and the reader's may differ).
	 * @param text the target
	 * @return the target
	 * @throws LabException saying what is accepted
	 */
	static RestoreTarget parse(String text) {
		String trimmed = text.trim();
		if (trimmed.equalsIgnoreCase("latest")) {
			return LATEST;
		}
		try {
			return new RestoreTarget(Instant.parse(trimmed));
		}
		catch (DateTimeParseException ex) {
			throw new LabException("not a restore target: '" + text
					+ "'; use latest or an ISO-8601 time in UTC such as 2026-11-29T10:15:00Z");
		}
	}

	boolean latest() {
		return this.time == null;
	}

	Optional<Instant> at() {
		return Optional.ofNullable(this.time);
	}

	@Override
	public String toString() {
		return latest() ? "latest" : String.valueOf(this.time);
	}

}
