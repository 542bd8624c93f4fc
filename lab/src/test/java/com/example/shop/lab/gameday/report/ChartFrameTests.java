package com.example.shop.lab.gameday.report;

import org.junit.jupiter.api.Test;

import static com.example.shop.lab.gameday.report.Requests.fault;
import static com.example.shop.lab.gameday.report.Requests.steady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The time axis and fault shading that a scenario's charts share, on twelve seconds of
 * load (the last request sent at 12.2 s).
 */
class ChartFrameTests {

	@Test
	void timeAxisEndsWithTheLastSecondWithRequestsNotWithTheHealing() {
		Timeline timeline = Timeline.of(steady(0, 12_300, 5), Requests.LOAD_START, fault(5000, 6000, 60_000));

		Axis time = ChartFrame.timeAxis(timeline);

		assertThat(time.max()).isEqualTo(13);
		assertThat(time.ticks()).last().isEqualTo(12.0);
	}

	@Test
	void clipsAHealingThatOutlastsTheLoadAndSaysItContinues() {
		Timeline timeline = Timeline.of(steady(0, 12_300, 5), Requests.LOAD_START, fault(5000, 6000, 60_000));

		DrawnChart chart = shadedAndLabelled(timeline);

		double healingEnd = chart.number("rect class=\"healing\"", "x")
				+ chart.number("rect class=\"healing\"", "width");
		assertThat(healingEnd).isCloseTo(ChartFrame.RIGHT, within(0.1));
		assertThat(chart.svg()).contains(">healing (continues)</text>");
	}

	@Test
	void labelsAHealingThatEndedDuringTheLoadPlainly() {
		Timeline timeline = Timeline.of(steady(0, 12_300, 5), Requests.LOAD_START, fault(5000, 6000, 8000));

		DrawnChart chart = shadedAndLabelled(timeline);

		double healingEnd = chart.number("rect class=\"healing\"", "x")
				+ chart.number("rect class=\"healing\"", "width");
		assertThat(healingEnd).isCloseTo(ChartFrame.timeAxis(timeline).at(8), within(0.1));
		assertThat(chart.svg()).contains(">healing</text>").doesNotContain("continues");
	}

	private static DrawnChart shadedAndLabelled(Timeline timeline) {
		ChartFrame frame = new ChartFrame(timeline, 100, 10, 80);
		frame.open("frame");
		frame.faultShading();
		frame.faultLabels();
		return new DrawnChart(frame.close());
	}

}
