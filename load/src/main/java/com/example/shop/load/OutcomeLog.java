package com.example.shop.load;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The {@code --record} file: one JSON line per request, written as each request ends, so
 * that after a game day every order acknowledged with 201 can be looked up in the
 * database. Writes come from Gatling's threads, hence the synchronisation; a write that
 * fails does not disturb the run, but is reported when the file is closed, because a
 * record with holes would make that check lie.
 */
final class OutcomeLog implements Closeable {

	private final @Nullable BufferedWriter writer;

	private @Nullable IOException failure;

	private OutcomeLog(@Nullable BufferedWriter writer) {
		this.writer = writer;
	}

	/** A log writing to {@code file}, replacing it, or one that writes nothing. */
	static OutcomeLog open(@Nullable Path file) throws IOException {
		return new OutcomeLog((file != null) ? Files.newBufferedWriter(file, StandardCharsets.UTF_8) : null);
	}

	synchronized void write(Outcome outcome) {
		if (this.writer == null || this.failure != null) {
			return;
		}
		try {
			this.writer.write(outcome.toJson());
			this.writer.newLine();
		}
		catch (IOException ex) {
			this.failure = ex;
		}
	}

	/** Pushes what was written so far to the file, so that a killed run loses little. */
	synchronized void flush() {
		if (this.writer == null || this.failure != null) {
			return;
		}
		try {
			this.writer.flush();
		}
		catch (IOException ex) {
			this.failure = ex;
		}
	}

	@Override
	public synchronized void close() {
		if (this.writer != null) {
			try {
				this.writer.close();
			}
			catch (IOException ex) {
				this.failure = (this.failure != null) ? this.failure : ex;
			}
		}
		if (this.failure != null) {
			throw new UncheckedIOException("The record file is incomplete", this.failure);
		}
	}

}
