package com.example.shop.lab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link StartupBench} measured for one tier: the time from starting the JVM to the
 * first 200 from the readiness check, for each plain run (the jar as the lab runs it) and
 * each tuned run, in the order they ran (alternating).
 *
 * @param tier {@code web} or {@code worker}
 * @param plainMs each plain run, in milliseconds
 * @param tunedMs each tuned run, in milliseconds
 * @param tuning what the tuned runs had that the plain ones had not, e.g. the extracted
 * jar and the AOT cache with its size and training time
 */
record StartupResult(String tier, List<Long> plainMs, List<Long> tunedMs, String tuning) {

	StartupResult {
		if (plainMs.isEmpty() || tunedMs.isEmpty()) {
			throw new IllegalArgumentException("a result needs at least one plain and one tuned run");
		}
		plainMs = List.copyOf(plainMs);
		tunedMs = List.copyOf(tunedMs);
	}

	long plainMedianMs() {
		return median(this.plainMs);
	}

	long tunedMedianMs() {
		return median(this.tunedMs);
	}

	/**
	 * The tuned median over the plain median.
	 * @return below 1 when the tuned start is faster, e.g. 0.6 for 40 % less time
	 */
	double ratio() {
		long plain = plainMedianMs();
		return (plain > 0) ? (double) tunedMedianMs() / plain : Double.NaN;
	}

	/**
	 * One line for people.
	 * @return e.g. {@code web: plain 14.2 s, tuned 8.1 s (0.57 x, 5 runs each; ...)}
	 */
	String summary() {
		String runs = (this.plainMs.size() == this.tunedMs.size()) ? this.plainMs.size() + " runs each"
				: this.plainMs.size() + " plain and " + this.tunedMs.size() + " tuned runs";
		return String.format(Locale.ROOT, "%s: plain %s, tuned %s (%.2f x, medians of %s; tuned: %s)", this.tier,
				seconds(plainMedianMs()), seconds(tunedMedianMs()), ratio(), runs, this.tuning);
	}

	/**
	 * The median: the middle value, or the mean of the two middle values (rounded down)
	 * for an even count.
	 * @param values at least one
	 * @return the median
	 */
	static long median(List<Long> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("no values");
		}
		List<Long> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int middle = sorted.size() / 2;
		if (sorted.size() % 2 == 1) {
			return sorted.get(middle);
		}
		return Math.floorDiv(sorted.get(middle - 1) + sorted.get(middle), 2L);
	}

	static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

}
