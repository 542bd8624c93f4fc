package com.example.shop.lab.gameday.report;

import java.util.ArrayList;
import java.util.List;

import com.example.shop.lab.gameday.report.Timeline.Second;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.probe.NearestRank;

/**
 * Buckets requests into seconds of load by when they were sent. A request sent a moment
 * before the recorded load start (the two clocks are read separately) counts in second 0
 * rather than being dropped.
 */
final class Seconds {

	private static final long SECOND_MS = 1000;

	private Seconds() {
	}

	static List<Second> of(List<ClientRecord> records, long loadStartedAt) {
		List<List<ClientRecord>> buckets = new ArrayList<>();
		for (ClientRecord record : records) {
			int t = (int) Math.max(0, Math.floorDiv(record.sentAt() - loadStartedAt, SECOND_MS));
			while (buckets.size() <= t) {
				buckets.add(new ArrayList<>());
			}
			buckets.get(t).add(record);
		}
		List<Second> seconds = new ArrayList<>(buckets.size());
		for (int t = 0; t < buckets.size(); t++) {
			seconds.add(second(t, buckets.get(t)));
		}
		return List.copyOf(seconds);
	}

	private static Second second(int t, List<ClientRecord> sent) {
		int acknowledged = (int) sent.stream().filter(ClientRecord::acknowledged).count();
		long[] latencies = sent.stream().mapToLong(ClientRecord::latencyMs).toArray();
		return new Second(t, sent.size(), acknowledged, sent.size() - acknowledged, NearestRank.p99(latencies));
	}

}
