package com.example.shop.lab.gameday.report;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static com.example.shop.lab.gameday.report.Requests.fault;
import static com.example.shop.lab.gameday.report.Requests.sample;
import static com.example.shop.lab.gameday.report.Requests.steady;
import static com.example.shop.lab.gameday.report.SystemSample.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel that shows the system from inside under a scenario's timeline, on ten seconds
 * of load with a fault from 3 s to 5 s, healed at 6 s.
 */
class SystemChartTests {

	private static final Timeline TIMELINE = Timeline.of(steady(0, 10_000, 5), Requests.LOAD_START,
			fault(3000, 5000, 6000));

	private static final Axis TIME = ChartFrame.timeAxis(TIMELINE);

	@Test
	void drawsInstancesInServiceAsStepsHeldUntilTheNextSample() {
		List<SystemSample> samples = List.of(sample(500, 2, 0, 0), sample(1700, 1, 0, 0), sample(2500, 2, 0, 0));

		String steps = draw(samples).attribute("path class=\"in-service\"", "d");

		assertThat(commands(steps)).isEqualTo("MHVHVH");
		assertThat(steps).startsWith("M" + ChartFrame.pixels(TIME.at(0.5)) + ",");
		assertThat(Pattern.compile("H([0-9.]+)").matcher(steps).results().map((h) -> h.group(1))).containsExactly(
				ChartFrame.pixels(TIME.at(1.7)), ChartFrame.pixels(TIME.at(2.5)), ChartFrame.pixels(TIME.at(3.5)));
	}

	@Test
	void leavesAGapWhereAValueCouldNotBeRead() {
		List<SystemSample> samples = List.of(sample(500, 2, 0, 1), sample(1500, UNKNOWN, UNKNOWN, 2),
				sample(2500, 2, 3, 3), sample(3500, 2, 4, 4));

		DrawnChart chart = draw(samples);

		assertThat(commands(chart.attribute("path class=\"in-service\"", "d"))).isEqualTo("MHMHVH");
		assertThat(commands(chart.attribute("path class=\"outbox\"", "d"))).isEqualTo("MML");
		assertThat(commands(chart.attribute("path class=\"queue\"", "d"))).isEqualTo("MLLL");
	}

	@Test
	void labelsInstancesWithWholeNumbersUpToTheFleet() {
		List<SystemSample> samples = List.of(sample(500, 3, 0, 0), sample(1500, 1, 0, 0));

		DrawnChart chart = draw(samples);

		assertThat(chart.texts("instances")).containsExactly("0", "1", "2", "3");
	}

	@Test
	void drawsOnlyWhatWasSampledDuringTheLoad() {
		List<SystemSample> samples = List.of(sample(-1500, 2, 0, 500), sample(500, 2, 0, 4), sample(1500, 2, 0, 6),
				sample(20_000, 2, 0, 900));

		DrawnChart chart = draw(samples);

		assertThat(commands(chart.attribute("path class=\"queue\"", "d"))).isEqualTo("ML");
		assertThat(chart.texts("messages")).last().isEqualTo("6");
		assertThat(chart.attribute("path class=\"in-service\"", "d")).startsWith("M" + ChartFrame.LEFT + ".0,")
			.endsWith("H" + ChartFrame.RIGHT + ".0");
	}

	@Test
	void shadesTheFaultWhereTheTimelineAboveDoes() {
		DrawnChart timeline = new DrawnChart(TimelineChart.render(TIMELINE, "timeline"));

		DrawnChart system = draw(List.of(sample(500, 2, 0, 0)));

		for (String shading : List.of("rect class=\"fault\"", "rect class=\"healing\"")) {
			assertThat(system.attribute(shading, "x")).isEqualTo(timeline.attribute(shading, "x"));
			assertThat(system.attribute(shading, "width")).isEqualTo(timeline.attribute(shading, "width"));
		}
	}

	private static DrawnChart draw(List<SystemSample> samples) {
		return new DrawnChart(SystemChart.render(TIMELINE, samples, "inside"));
	}

	/** The drawing commands of a path, without their coordinates. */
	private static String commands(String path) {
		return path.replaceAll("[^A-Z]", "");
	}

}
