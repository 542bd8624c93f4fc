package com.example.shop.lab.gameday;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.example.shop.lab.faults.Fault;
import com.example.shop.lab.faults.FaultWindow;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.gameday.report.SystemSample;
import com.example.shop.lab.gameday.report.Timeline;
import com.example.shop.lab.load.ClientRecord;
import com.example.shop.lab.probe.LoadBalancerLog;

/**
 * One game-day experiment: a hypothesis, the fault that tests it, how long the steady
 * load runs before the fault ({@code warmup}) and after it ({@code tail}), and what the
 * scenario expects beyond the checks every scenario makes (nothing lost, nothing done
 * twice, everything processed). {@link GameDay} runs it.
 *
 * @param name as on the command line, e.g. {@code db-failover}
 * @param hypothesis what should happen, in a sentence a presenter can read out
 * @param injects what is done to the lab, and how
 * @param warmup steady load before the fault
 * @param tail load kept on after the fault stopped acting, to see the recovery
 * @param fault makes the fault, given the lab and the scenario's folder
 * @param expectation the scenario's own checks
 */
public record Scenario(String name, String hypothesis, String injects, Duration warmup, Duration tail,
		Function<Stage, Fault> fault, Expectation expectation) {

	/**
	 * What a fault is made from.
	 *
	 * @param topology the running lab
	 * @param folder where the scenario keeps its files (a spike records its requests
	 * there)
	 */
	record Stage(Topology topology, Path folder) {
	}

	/** A scenario's own checks, made from the evidence of one run. */
	@FunctionalInterface
	public interface Expectation {

		List<Check> check(Evidence evidence);

		default Expectation and(Expectation other) {
			return (evidence) -> {
				List<Check> checks = new ArrayList<>(check(evidence));
				checks.addAll(other.check(evidence));
				return checks;
			};
		}

	}

	/**
	 * Everything seen during one run.
	 *
	 * @param timeline the steady load, second by second
	 * @param records every request sent during the run, the fault's own included (a
	 * spike's)
	 * @param samples the system seen from inside, once a second
	 * @param balancer the requests as the load balancer logged them
	 * @param window when the fault began, stopped acting and was healed
	 * @param webInstances web instances the lab runs
	 */
	public record Evidence(Timeline timeline, List<ClientRecord> records, List<SystemSample> samples,
			List<LoadBalancerLog.Entry> balancer, FaultWindow window, int webInstances) {

		/**
		 * The samples taken while the fault acted, and for {@code after} more.
		 * @param after how long after the fault stopped acting
		 * @return those samples whose value was known
		 */
		List<SystemSample> samplesDuringFault(Duration after) {
			return this.samples.stream()
				.filter((sample) -> sample.at() >= this.window.startedAt()
						&& sample.at() <= this.window.endedAt() + after.toMillis())
				.toList();
		}

	}

}
