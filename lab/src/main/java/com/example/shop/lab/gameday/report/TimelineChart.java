package com.example.shop.lab.gameday.report;

import java.util.List;

import com.example.shop.lab.gameday.report.Timeline.Second;

import static com.example.shop.lab.gameday.report.ChartFrame.LEFT;
import static com.example.shop.lab.gameday.report.ChartFrame.RED;
import static com.example.shop.lab.gameday.report.ChartFrame.RIGHT;
import static com.example.shop.lab.gameday.report.ChartFrame.WIDTH;
import static com.example.shop.lab.gameday.report.ChartFrame.point;

/**
 * Draws one scenario's timeline as inline SVG: acknowledged and failed requests per
 * second on the left axis, p99 latency on the right, the fault and healing periods
 * shaded, the recovery threshold and the moment of recovery marked. Requests are drawn at
 * the middle of the second they were sent in; the fault is drawn at its exact times, so
 * the shading shows which seconds it overlapped.
 */
final class TimelineChart {

	private static final int HEIGHT = 320;

	private static final int TOP = 40;

	private static final int BOTTOM = HEIGHT - 50;

	private static final String GREEN = "#1a7f37";

	private static final String BLUE = "#0969da";

	private final Timeline timeline;

	private final ChartFrame frame;

	private final Axis requests;

	private final Axis latency;

	private TimelineChart(Timeline timeline) {
		this.timeline = timeline;
		this.frame = new ChartFrame(timeline, HEIGHT, TOP, BOTTOM);
		List<Second> seconds = timeline.seconds();
		this.requests = Axis.fitting(seconds.stream().mapToInt(Second::sent).max().orElse(0), 5, BOTTOM, TOP);
		long p99 = seconds.stream().map(Second::p99Ms).mapToLong((ms) -> (ms != null) ? ms : 0).max().orElse(0);
		this.latency = Axis.fitting(Math.max(p99, timeline.recoveryThresholdMs()), 5, BOTTOM, TOP);
	}

	static String render(Timeline timeline, String title) {
		return new TimelineChart(timeline).draw(title);
	}

	private String draw(String title) {
		this.frame.open(title);
		this.frame.faultShading();
		this.frame.grid(this.requests, "requests", this.latency, "latency", BLUE);
		this.frame.timeTicks();
		axisTitles();
		failedBars();
		acknowledgedLine();
		latencyLine();
		thresholdLine();
		recoveryMarker();
		this.frame.faultLabels();
		legend();
		return this.frame.close();
	}

	private void axisTitles() {
		add("<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\">seconds since load start</text>",
				(LEFT + RIGHT) / 2, HEIGHT - 8);
		add("<text transform=\"rotate(-90 16 %d)\" x=\"16\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\">requests/s</text>",
				(TOP + BOTTOM) / 2, (TOP + BOTTOM) / 2);
		add("<text transform=\"rotate(90 %d %d)\" x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\" fill=\"%s\">p99 ms</text>",
				WIDTH - 14, (TOP + BOTTOM) / 2, WIDTH - 14, (TOP + BOTTOM) / 2, BLUE);
	}

	private void failedBars() {
		for (Second second : this.timeline.seconds()) {
			if (second.failed() > 0) {
				double left = x(second.t()) + 1;
				double width = Math.max(x(second.t() + 1) - left - 1, 1);
				double top = this.requests.at(second.failed());
				add("<rect class=\"failed\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.75\"/>",
						left, top, width, BOTTOM - top, RED);
			}
		}
	}

	private void acknowledgedLine() {
		StringBuilder points = new StringBuilder();
		for (Second second : this.timeline.seconds()) {
			points.append(point(x(second.t() + 0.5), this.requests.at(second.acknowledged())));
		}
		add("<polyline class=\"acknowledged\" points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"/>",
				points.toString().strip(), GREEN);
	}

	private void latencyLine() {
		StringBuilder path = new StringBuilder();
		String command = "M";
		for (Second second : this.timeline.seconds()) {
			if (second.p99Ms() == null) {
				command = "M";
				continue;
			}
			double px = x(second.t() + 0.5);
			double py = this.latency.at(second.p99Ms());
			path.append(command).append(point(px, py));
			add("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", px, py, BLUE);
			command = "L";
		}
		add("<path class=\"p99\" d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", path.toString().strip(),
				BLUE);
	}

	private void thresholdLine() {
		long threshold = this.timeline.recoveryThresholdMs();
		double y = this.latency.at(threshold);
		add("<line class=\"threshold\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>",
				LEFT, y, RIGHT, y, BLUE);
		this.frame.label(RIGHT - 4, y - 5, "end", BLUE, "threshold " + threshold + " ms");
	}

	private void recoveryMarker() {
		Long recoveryMs = this.timeline.recoveryMs();
		if (recoveryMs == null) {
			return;
		}
		double px = x(this.frame.seconds(this.timeline.fault().endedAt()) + recoveryMs / 1000.0);
		add("<line class=\"recovered\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"3 3\"/>",
				px, TOP, px, BOTTOM, GREEN);
		this.frame.label(px + 4, TOP + 52, "start", GREEN, "recovered");
	}

	private void legend() {
		int y = 22;
		int x = this.frame.legendLine(LEFT, y, GREEN, "stroke-width=\"2.5\"", "acknowledged/s");
		add("<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"12\" fill=\"%s\" fill-opacity=\"0.75\"/>", x, y - 11, RED);
		add("<text x=\"%d\" y=\"%d\" font-size=\"14\">failed/s</text>", x + 20, y);
		x = this.frame.legendLine(x + 110, y, BLUE, "stroke-width=\"2\"", "p99 latency");
		this.frame.legendLine(x, y, BLUE, "stroke-dasharray=\"6 4\"", "recovery threshold");
	}

	private double x(double seconds) {
		return this.frame.x(seconds);
	}

	private void add(String template, Object... args) {
		this.frame.add(template, args);
	}

}
