package com.example.shop.lab.gameday.report;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.example.shop.lab.faults.FaultWindow;
import com.example.shop.lab.load.ClientRecord;

/**
 * Synthetic client records and system samples for tests, placed by milliseconds after
 * {@link #LOAD_START}, so that a test reads as a story of the load: "ten fine requests a
 * second until 5 s, then 503s".
 */
final class Requests {

	static final long LOAD_START = 1_795_568_289_000L;

	private Requests() {
	}

	static ClientRecord ok(long atMs, long latencyMs) {
		return new ClientRecord(UUID.randomUUID().toString(), 201, UUID.randomUUID(), latencyMs, null,
				LOAD_START + atMs);
	}

	static ClientRecord status(long atMs, int status, long latencyMs) {
		return new ClientRecord(UUID.randomUUID().toString(), status, null, latencyMs, null, LOAD_START + atMs);
	}

	static ClientRecord noAnswer(long atMs, String error, long latencyMs) {
		return new ClientRecord(UUID.randomUUID().toString(), null, null, latencyMs, error, LOAD_START + atMs);
	}

	/**
	 * Ten acknowledged requests a second, evenly spread, from {@code fromMs} (inclusive)
	 * to {@code toMs} (exclusive).
	 */
	static List<ClientRecord> steady(long fromMs, long toMs, long latencyMs) {
		List<ClientRecord> records = new ArrayList<>();
		for (long at = fromMs; at < toMs; at += 100) {
			records.add(ok(at, latencyMs));
		}
		return records;
	}

	/** Ten requests a second answered with the given status. */
	static List<ClientRecord> failing(long fromMs, long toMs, int status) {
		List<ClientRecord> records = new ArrayList<>();
		for (long at = fromMs; at < toMs; at += 100) {
			records.add(status(at, status, 3));
		}
		return records;
	}

	static SystemSample sample(long atMs, int inService, int outboxPending, int queueDepth) {
		return new SystemSample(LOAD_START + atMs, inService, outboxPending, queueDepth);
	}

	static FaultWindow fault(long startMs, long endMs, long healedMs) {
		return new FaultWindow(LOAD_START + startMs, LOAD_START + endMs, LOAD_START + healedMs);
	}

	@SafeVarargs
	static List<ClientRecord> concat(List<ClientRecord>... parts) {
		List<ClientRecord> all = new ArrayList<>();
		for (List<ClientRecord> part : parts) {
			all.addAll(part);
		}
		return all;
	}

}
