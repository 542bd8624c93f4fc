package com.example.shop.lab.gameday;

import java.time.Duration;
import java.util.List;

import com.example.shop.lab.gameday.report.Check;
import com.example.shop.lab.gameday.report.Timeline;
import com.example.shop.lab.standins.AwsClients;
import org.jspecify.annotations.Nullable;

/**
 * The checks every game-day scenario makes, whatever its fault: the promises the system
 * makes to every customer (nothing acknowledged lost, nothing done twice, everything
 * processed), that the pipeline drained, that only poison ended in the dead-letter queue,
 * and that the system recovered while still under load.
 */
final class CommonChecks {

	private CommonChecks() {
	}

	/**
	 * The checks of one run.
	 * @param timeline what the clients saw
	 * @param findings what the system stored
	 * @param drained how long the outbox and queue took to empty, {@code null} if they
	 * did not
	 * @param expectedDeadLetters the poison the scenario sent
	 * @param deadLetters what the dead-letter queue holds
	 * @return the checks
	 */
	static List<Check> of(Timeline timeline, SystemAudit.Findings findings, @Nullable Duration drained,
			List<String> expectedDeadLetters, List<String> deadLetters) {
		return List.of(
				Check.expect("no acknowledged order lost", findings.lost().isEmpty(),
						describe(findings.lost(), "acknowledged orders missing from PostgreSQL")),
				Check.expect("no key made two orders", findings.duplicateKeys().isEmpty(),
						describe(findings.duplicateKeys(), "idempotency keys with more than one order")),
				Check.expect("pipeline drained", drained != null,
						(drained != null) ? "outbox and queue empty after " + drained.toSeconds() + " s"
								: "outbox or queue still not empty when the drain timed out"),
				Check.expect("every acknowledged order processed", findings.unprocessed().isEmpty(),
						describe(findings.unprocessed(), "acknowledged orders not PROCESSED with a receipt in S3")),
				Check.expect("no order processed twice", findings.processedTwice().isEmpty(),
						describe(findings.processedTwice(), "orders moved to PROCESSED more than once")),
				Check.expect("dead-letter queue holds only the poison",
						sorted(deadLetters).equals(sorted(expectedDeadLetters)), deadLetters.size() + " messages in "
								+ AwsClients.DLQ + ", " + expectedDeadLetters.size() + " expected (the poison sent)"),
				recovered(timeline));
	}

	private static Check recovered(Timeline timeline) {
		Long recovery = timeline.recoveryMs();
		long threshold = timeline.recoveryThresholdMs();
		return Check.expect("recovered under load", recovery != null,
				(recovery != null)
						? "p99 within " + threshold + " ms and no errors " + recovery + " ms after the fault ended"
						: "p99 never stayed within " + threshold + " ms without errors before the load ended");
	}

	private static String describe(List<String> found, String what) {
		if (found.isEmpty()) {
			return "none";
		}
		return found.size() + " " + what + ", e.g. " + String.join("; ", found.subList(0, Math.min(3, found.size())));
	}

	private static List<String> sorted(List<String> texts) {
		return texts.stream().sorted().toList();
	}

}
