package com.example.shop.lab.gameday.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear chart axis from 0 to a maximum, mapped onto a pixel range. Ticks step by 1, 2
 * or 5 times a power of ten, the steps a reader adds up without effort. A value axis ends
 * on a tick, so that the top gridline has a label; a time axis ends where the data ends,
 * so that no empty seconds are drawn after it.
 *
 * @param max the value at the end of the axis: a multiple of {@code step} for an axis
 * {@linkplain #fitting fitting} a value, any positive value for one {@linkplain #upTo up
 * to} a value
 * @param step the distance between ticks, at least 1 (every quantity charted is whole)
 * @param from the pixel position of 0
 * @param to the pixel position of {@code max}
 */
record Axis(double max, double step, double from, double to) {

	/**
	 * An axis that fits a value with about the given number of ticks.
	 * @param largest the largest value to show; anything not positive shows as 1
	 * @param ticks about how many ticks to draw
	 * @param from the pixel position of 0
	 * @param to the pixel position of the end
	 * @return the axis
	 */
	static Axis fitting(double largest, int ticks, double from, double to) {
		double value = Math.max(largest, 1);
		double step = step(value, ticks);
		return new Axis(Math.ceil(value / step) * step, step, from, to);
	}

	/**
	 * An axis that ends exactly at a value, with about the given number of ticks up to
	 * it; the last tick may fall short of the end.
	 * @param end the value at the end of the axis; anything below 1 shows as 1
	 * @param ticks about how many ticks to draw
	 * @param from the pixel position of 0
	 * @param to the pixel position of the end
	 * @return the axis
	 */
	static Axis upTo(double end, int ticks, double from, double to) {
		double value = Math.max(end, 1);
		return new Axis(value, step(value, ticks), from, to);
	}

	private static double step(double value, int ticks) {
		double raw = value / ticks;
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		double residual = raw / magnitude;
		double factor = (residual <= 1) ? 1 : (residual <= 2) ? 2 : (residual <= 5) ? 5 : 10;
		return Math.max(factor * magnitude, 1);
	}

	/**
	 * Where a value falls, clamped to the axis so that nothing is drawn outside the plot.
	 * @param value the value
	 * @return the pixel position
	 */
	double at(double value) {
		double clamped = Math.clamp(value, 0, this.max);
		return this.from + (this.to - this.from) * clamped / this.max;
	}

	List<Double> ticks() {
		List<Double> ticks = new ArrayList<>();
		for (int i = 0; i * this.step <= this.max + 1e-9; i++) {
			ticks.add(i * this.step);
		}
		return ticks;
	}

}
