package com.example.shop.lab.probe;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The nearest-rank percentile: the smallest observed value that at least the given share
 * of values do not exceed. It never interpolates, so every latency the report shows is
 * one a real request had.
 */
public final class NearestRank {

	private NearestRank() {
	}

	/**
	 * The 99th percentile.
	 * @param values the observed values, in any order (not changed)
	 * @return the value at rank {@code ceil(0.99 × n)} (computed in integers, so that
	 * floating point cannot move it by one), or {@code null} when there are none
	 */
	public static @Nullable Long p99(long[] values) {
		return of(values, 99);
	}

	/**
	 * A percentile.
	 * @param values the observed values, in any order (not changed)
	 * @param percent which percentile, 1 to 100
	 * @return the value at rank {@code ceil(percent / 100 × n)} (computed in integers),
	 * or {@code null} when there are none
	 */
	public static @Nullable Long of(long[] values, int percent) {
		if (values.length == 0) {
			return null;
		}
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (percent * sorted.length + 99) / 100;
		return sorted[Math.max(rank, 1) - 1];
	}

}
