package com.example.shop.lab.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.example.shop.deploy.Colour;
import com.example.shop.lab.probe.LoadBalancerLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the lab's deployment signals make of the load balancer's access log: errors and
 * latency of the new colour, judged against the old one over the same time.
 */
class LabSignalsTests {

	@Test
	void aHealthyNewColourBreachesNothing() {
		List<LoadBalancerLog.Entry> entries = new ArrayList<>();
		entries.addAll(requests("web/web-1", 100, 201, 20));
		entries.addAll(requests("web/web-5", 100, 201, 25));

		assertThat(LabSignals.judge(Colour.GREEN, entries)).isEmpty();
	}

	@Test
	void errorsOfTheNewColourBreach() {
		List<LoadBalancerLog.Entry> entries = new ArrayList<>();
		entries.addAll(requests("web/web-1", 90, 201, 20));
		entries.addAll(requests("web/web-5", 7, 201, 20));
		entries.addAll(requests("web/web-6", 3, 503, 2));

		assertThat(LabSignals.judge(Colour.GREEN, entries))
			.hasValue("green answered 3 of 10 requests with an error (more than 5 %)");
	}

	@Test
	void twoErrorsAreNotYetASignal() {
		List<LoadBalancerLog.Entry> entries = new ArrayList<>(requests("web/web-5", 2, 503, 2));

		assertThat(LabSignals.judge(Colour.GREEN, entries)).isEmpty();
	}

	@Test
	void errorsOfTheOldColourAreNotTheNewOnes() {
		List<LoadBalancerLog.Entry> entries = new ArrayList<>();
		entries.addAll(requests("web/web-1", 10, 503, 2));
		entries.addAll(requests("web/<NOSRV>", 10, 503, 0));
		entries.addAll(requests("web/web-5-open", 10, 201, 20));

		assertThat(LabSignals.judge(Colour.GREEN, entries)).isEmpty();
		assertThat(LabSignals.judge(Colour.BLUE, entries)).isPresent();
	}

	@Test
	void aSlowNewColourBreachesOnceItHasEnoughRequests() {
		List<LoadBalancerLog.Entry> entries = new ArrayList<>();
		entries.addAll(requests("web/web-5", 100, 201, 20));
		entries.addAll(requests("web/web-1", 100, 201, 1500));

		assertThat(LabSignals.judge(Colour.BLUE, entries.subList(0, 199))).isEmpty();
		assertThat(LabSignals.judge(Colour.BLUE, entries))
			.hasValueSatisfying((reason) -> assertThat(reason).startsWith("blue's p99 is 1500 ms, above 1000 ms"));
	}

	@Test
	void p99IsComparedWithTheOldColour() {
		List<LoadBalancerLog.Entry> entries = new ArrayList<>();
		entries.addAll(requests("web/web-1", 100, 201, 900));
		entries.addAll(requests("web/web-5", 100, 201, 1500));

		assertThat(LabSignals.judge(Colour.GREEN, entries)).isEmpty();
	}

	private static List<LoadBalancerLog.Entry> requests(String server, int count, int status, long totalMs) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new LoadBalancerLog.Entry(i, server, status, totalMs, "----"))
			.toList();
	}

}
