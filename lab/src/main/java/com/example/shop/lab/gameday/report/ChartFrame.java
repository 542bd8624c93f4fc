package com.example.shop.lab.gameday.report;

import java.util.Locale;

import com.example.shop.lab.faults.FaultWindow;

/**
 * What the charts of one scenario share so that, drawn one under the other, they line up
 * second for second: the width, the left and right margins, the time axis, the fault and
 * its healing shaded the same way, and the writing of SVG. The time axis ends with the
 * load, at the end of the last second with requests, not when the healing ended: a heal
 * that restarts instances for a minute after the load stopped would otherwise squeeze the
 * load into the left quarter of the chart. Shading that runs past the end is clipped to
 * it, and its label says that it continues.
 */
final class ChartFrame {

	static final int WIDTH = 960;

	static final int LEFT = 64;

	static final int RIGHT = WIDTH - 72;

	static final String RED = "#cf222e";

	/** A shorter heal is part of the fault's end and is not labelled. */
	private static final long LABELLED_HEALING_MS = 500;

	/** Room a healing label needs to be drawn right of where the healing starts. */
	private static final int LABEL_ROOM = 170;

	private final Timeline timeline;

	private final Axis x;

	private final int height;

	private final int top;

	private final int bottom;

	private final StringBuilder svg = new StringBuilder();

	/**
	 * A frame for one chart.
	 * @param timeline the scenario, for the time axis and the fault
	 * @param height the height of the chart, in pixels of its view box
	 * @param top the pixel position of the top of the plot
	 * @param bottom the pixel position of the bottom of the plot, the time axis
	 */
	ChartFrame(Timeline timeline, int height, int top, int bottom) {
		this.timeline = timeline;
		this.x = timeAxis(timeline);
		this.height = height;
		this.top = top;
		this.bottom = bottom;
	}

	/**
	 * The time axis of every chart of a scenario.
	 * @param timeline the scenario
	 * @return an axis in seconds since the load start, ending with the last second with
	 * requests
	 */
	static Axis timeAxis(Timeline timeline) {
		return Axis.upTo(timeline.seconds().size(), 10, LEFT, RIGHT);
	}

	void open(String title) {
		add("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" class=\"chart\">", WIDTH,
				this.height);
		add("<title>%s</title>", Html.escape(title));
	}

	String close() {
		add("</svg>");
		return this.svg.toString();
	}

	/**
	 * Where a moment falls on the time axis.
	 * @param seconds since the load start
	 * @return the pixel position, clamped to the axis
	 */
	double x(double seconds) {
		return this.x.at(seconds);
	}

	/**
	 * Where the time axis ends.
	 * @return seconds since the load start
	 */
	double end() {
		return this.x.max();
	}

	double seconds(long epochMs) {
		return this.timeline.secondsFromStart(epochMs);
	}

	int top() {
		return this.top;
	}

	int bottom() {
		return this.bottom;
	}

	void faultShading() {
		double start = faultStartX();
		double end = faultEndX();
		double healed = x(seconds(this.timeline.fault().healedAt()));
		add("<rect class=\"fault\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.18\"/>",
				start, this.top, end - start, this.bottom - this.top, RED);
		if (healed > end) {
			add("<rect class=\"healing\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.07\"/>",
					end, this.top, healed - end, this.bottom - this.top, RED);
		}
	}

	/**
	 * Labels the fault and, if it took a while and began before the axis ends, its
	 * healing.
	 */
	void faultLabels() {
		label(faultStartX() + 4, this.top + 16, "start", RED, "fault");
		FaultWindow fault = this.timeline.fault();
		if (fault.healedAt() - fault.endedAt() > LABELLED_HEALING_MS && seconds(fault.endedAt()) < end()) {
			String text = (seconds(fault.healedAt()) > end()) ? "healing (continues)" : "healing";
			double start = faultEndX();
			if (RIGHT - start >= LABEL_ROOM) {
				label(start + 4, this.top + 34, "start", RED, text);
			}
			else {
				label(RIGHT - 4, this.top + 34, "end", RED, text);
			}
		}
	}

	void timeTicks() {
		for (double tick : this.x.ticks()) {
			add("<text class=\"time\" x=\"%.1f\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">%d</text>", x(tick),
					this.bottom + 18, (long) tick);
		}
		add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>", LEFT, this.bottom, RIGHT, this.bottom);
	}

	/** Text on top of bars and lines, with a white halo so that it stays legible. */
	void label(double px, double py, String anchor, String color, String text) {
		add("<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\" text-anchor=\"%s\" fill=\"%s\" stroke=\"#fff\" "
				+ "stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\">%s</text>", px, py, anchor,
				color, Html.escape(text));
	}

	/**
	 * Horizontal grid lines and tick labels for the left axis, tick labels for the right.
	 * @param left the left axis
	 * @param leftName the class of its labels
	 * @param right the right axis
	 * @param rightName the class of its labels
	 * @param rightColor the colour of its labels (its series' colour)
	 */
	void grid(Axis left, String leftName, Axis right, String rightName, String rightColor) {
		for (double tick : left.ticks()) {
			double y = left.at(tick);
			add("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, y, RIGHT, y);
			add("<text class=\"%s\" x=\"%d\" y=\"%.1f\" font-size=\"13\" text-anchor=\"end\">%d</text>", leftName,
					LEFT - 6, y + 4, (long) tick);
		}
		for (double tick : right.ticks()) {
			add("<text class=\"%s\" x=\"%d\" y=\"%.1f\" font-size=\"13\" fill=\"%s\">%d</text>", rightName, RIGHT + 6,
					right.at(tick) + 4, rightColor, (long) tick);
		}
	}

	/**
	 * One legend entry: a short line in the series' colour and style, then its name.
	 * @param x where the entry starts
	 * @param y the legend's baseline
	 * @param color the series' colour
	 * @param style extra SVG attributes of the line, e.g. a dash pattern
	 * @param name the series' name
	 * @return where the next entry may start
	 */
	int legendLine(int x, int y, String color, String style, String name) {
		add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" %s/>", x, y - 5, x + 24, y - 5, color, style);
		add("<text x=\"%d\" y=\"%d\" font-size=\"14\">%s</text>", x + 30, y, Html.escape(name));
		return x + 30 + 8 * name.length() + 24;
	}

	void add(String template, Object... args) {
		this.svg.append(String.format(Locale.ROOT, template, args)).append('\n');
	}

	static String point(double px, double py) {
		return pixels(px) + "," + pixels(py) + " ";
	}

	static String pixels(double position) {
		return String.format(Locale.ROOT, "%.1f", position);
	}

	private double faultStartX() {
		return x(seconds(this.timeline.fault().startedAt()));
	}

	/** A one-shot fault (a kill) lasts no time, but still gets a visible sliver. */
	private double faultEndX() {
		return Math.max(x(seconds(this.timeline.fault().endedAt())), faultStartX() + 2);
	}

}
