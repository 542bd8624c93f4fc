package com.example.shop.lab.gameday.report;

import java.util.List;
import java.util.function.ToIntFunction;

import static com.example.shop.lab.gameday.report.ChartFrame.LEFT;
import static com.example.shop.lab.gameday.report.ChartFrame.WIDTH;
import static com.example.shop.lab.gameday.report.ChartFrame.pixels;
import static com.example.shop.lab.gameday.report.ChartFrame.point;

/**
 * Draws what happened inside the system during a scenario as a small SVG panel that goes
 * under its {@link TimelineChart}, on the same time axis: web instances in service at the
 * load balancer on the left axis, and on the right the events waiting in the outbox and
 * the messages in the orders queue. Read together with the timeline it explains it: the
 * 503s start when the last instance leaves service, and the orders accepted while SQS was
 * down pile up in the outbox instead of being lost. Instances are drawn as steps, since a
 * count holds until the next sample; a value that could not be read leaves a gap.
 */
final class SystemChart {

	private static final int HEIGHT = 160;

	private static final int TOP = 36;

	private static final int BOTTOM = HEIGHT - 30;

	/** One sample a second: the last one holds for that long. */
	private static final double SAMPLE_INTERVAL_S = 1;

	private static final String INSTANCES = "#1f2328";

	private static final String OUTBOX = "#bc4c00";

	private static final String QUEUE = "#8250df";

	private final List<SystemSample> samples;

	private final ChartFrame frame;

	private final Axis instances;

	private final Axis messages;

	private SystemChart(Timeline timeline, List<SystemSample> samples) {
		this.samples = samples;
		this.frame = new ChartFrame(timeline, HEIGHT, TOP, BOTTOM);
		int mostInService = samples.stream().mapToInt(SystemSample::inService).max().orElse(0);
		int mostMessages = samples.stream()
			.filter((sample) -> shown(sample.at()))
			.mapToInt((sample) -> Math.max(sample.outboxPending(), sample.queueDepth()))
			.max()
			.orElse(0);
		this.instances = Axis.fitting(mostInService, 5, BOTTOM, TOP);
		this.messages = Axis.fitting(mostMessages, 4, BOTTOM, TOP);
	}

	/**
	 * The panel of one scenario.
	 * @param timeline the scenario, for the time axis and the fault
	 * @param samples the system seen from inside, oldest first
	 * @param title what a screen reader announces
	 * @return the SVG
	 */
	static String render(Timeline timeline, List<SystemSample> samples, String title) {
		return new SystemChart(timeline, samples).draw(title);
	}

	private String draw(String title) {
		this.frame.open(title);
		this.frame.faultShading();
		this.frame.grid(this.instances, "instances", this.messages, "messages", "#333");
		this.frame.timeTicks();
		axisTitles();
		inServiceSteps();
		line("outbox", SystemSample::outboxPending, OUTBOX);
		line("queue", SystemSample::queueDepth, QUEUE);
		legend();
		return this.frame.close();
	}

	private void axisTitles() {
		int middle = (TOP + BOTTOM) / 2;
		add("<text transform=\"rotate(-90 16 %d)\" x=\"16\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\">instances</text>",
				middle, middle);
		add("<text transform=\"rotate(90 %d %d)\" x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\">messages</text>",
				WIDTH - 14, middle, WIDTH - 14, middle);
	}

	/**
	 * A count holds from its sample to the next one, so each known sample is a level
	 * step, clipped to the time axis; an unknown one ends the line until the next known.
	 */
	private void inServiceSteps() {
		StringBuilder path = new StringBuilder();
		boolean drawing = false;
		for (int i = 0; i < this.samples.size(); i++) {
			SystemSample sample = this.samples.get(i);
			double from = Math.max(seconds(sample.at()), 0);
			double to = Math.min(holdsUntil(i), this.frame.end());
			if (sample.inService() < 0 || from >= to) {
				drawing = false;
				continue;
			}
			double y = this.instances.at(sample.inService());
			path.append(drawing ? "V" + pixels(y) : "M" + point(this.frame.x(from), y).strip())
				.append(" H")
				.append(pixels(this.frame.x(to)))
				.append(' ');
			drawing = true;
		}
		add("<path class=\"in-service\" d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"/>",
				path.toString().strip(), INSTANCES);
	}

	private void line(String name, ToIntFunction<SystemSample> value, String color) {
		StringBuilder path = new StringBuilder();
		String command = "M";
		for (SystemSample sample : this.samples) {
			int count = value.applyAsInt(sample);
			if (count < 0 || !shown(sample.at())) {
				command = "M";
				continue;
			}
			path.append(command).append(point(this.frame.x(seconds(sample.at())), this.messages.at(count)));
			command = "L";
		}
		add("<path class=\"%s\" d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", name,
				path.toString().strip(), color);
	}

	private void legend() {
		int y = 22;
		add("<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">inside the system</text>", LEFT, y);
		int x = this.frame.legendLine(LEFT + 150, y, INSTANCES, "stroke-width=\"2.5\"", "web instances in service");
		x = this.frame.legendLine(x, y, OUTBOX, "stroke-width=\"2\"", "outbox backlog");
		this.frame.legendLine(x, y, QUEUE, "stroke-width=\"2\"", "queue depth");
	}

	private double holdsUntil(int index) {
		return (index + 1 < this.samples.size()) ? seconds(this.samples.get(index + 1).at())
				: seconds(this.samples.get(index).at()) + SAMPLE_INTERVAL_S;
	}

	private boolean shown(long at) {
		double t = seconds(at);
		return t >= 0 && t <= this.frame.end();
	}

	private double seconds(long epochMs) {
		return this.frame.seconds(epochMs);
	}

	private void add(String template, Object... args) {
		this.frame.add(template, args);
	}

}
