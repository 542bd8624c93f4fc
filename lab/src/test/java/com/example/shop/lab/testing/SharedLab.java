package com.example.shop.lab.testing;

import java.io.PrintWriter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.lab.fleet.LabHealth;
import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.AwsStandIns;
import com.example.shop.lab.standins.Postgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One running lab for all the lab tests ({@code @ExtendWith(SharedLab.class)}): the first
 * test class brings it up, and it goes down when the last one is done (the root context's
 * store closes it), so the build pays for one {@code bin/lab up} and one {@code down},
 * not one per class.
 * <p>
 * Sharing has two rules. A test class leaves the lab whole: when it is done, every
 * instance is in service, the standby synchronous, no fault active, and every order it
 * placed processed (outbox and queue empty, no order left {@code ACCEPTED}); if not, that
 * class fails, with what it left. And a class may change the lab's shape on purpose (fail
 * the database over, deploy the other colour, scale, turn replacing off, leave poison in
 * the dead-letter queue), as long as it says so in its Javadoc: before the next class
 * runs, the shared lab puts the shape back to what {@code up} made ({@link LabBaseline})
 * with {@code bin/lab} commands, empties the dead-letter queue, and prints each.
 */
public final class SharedLab implements BeforeAllCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLab.class);

	/** Receipts in the bucket beyond which the next test gets an empty one. */
	private static final int RECEIPTS_LIMIT = 2000;

	/** Long enough for a rebuilt standby, a replaced instance and a spike's backlog. */
	private static final Duration WHOLE_WITHIN = Duration.ofSeconds(300);

	@Override
	public void beforeAll(ExtensionContext context) {
		assumeTrue(RunningLab.required() || RunningLab.installed(), "PostgreSQL and HAProxy are not installed");
		Shared shared = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Shared.class, (key) -> Shared.start(), Shared.class);
		Class<?> testClass = context.getRequiredTestClass();
		RunsFrom runsFrom = testClass.getAnnotation(RunsFrom.class);
		shared.resetBefore(testClass.getSimpleName(), runsFrom);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Shared shared = context.getRoot().getStore(NAMESPACE).get(Shared.class, Shared.class);
		if (shared != null) {
			List<String> problems = Shared.awaitWhole();
			assertThat(problems).as("%s left the shared lab like this", context.getRequiredTestClass().getSimpleName())
				.isEmpty();
		}
	}

	/**
	 * What of the lab's shape a test class does not depend on: it runs from either node
	 * as the primary, or from either colour live, so the shared lab does not fail the
	 * database back or deploy the original colour again before it (each costs 15 s to a
	 * minute).
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	public @interface RunsFrom {

		/**
		 * Whether either database node may be the primary.
		 * @return {@code true} if the class finds the primary itself
		 */
		boolean anyPrimary() default false;

		/**
		 * Whether either colour may be live.
		 * @return {@code true} if the class finds the live colour itself
		 */
		boolean anyColour() default false;

	}

	/** The running lab, its baseline, and what the tests did to it. */
	private static final class Shared implements AutoCloseable {

		private final RunningLab lab;

		private final LabBaseline baseline;

		private Shared(RunningLab lab, LabBaseline baseline) {
			this.lab = lab;
			this.baseline = baseline;
		}

		static Shared start() {
			try {
				RunningLab lab = RunningLab.start();
				return new Shared(lab, LabBaseline.of(RunningLab.paths()));
			}
			catch (Exception ex) {
				throw new IllegalStateException("the shared lab did not come up", ex);
			}
		}

		/** Puts back what the previous class changed on purpose, saying so. */
		void resetBefore(String testClass, @Nullable RunsFrom runsFrom) {
			LabBaseline now = LabBaseline.of(RunningLab.paths());
			for (List<String> command : this.baseline.commandsFrom(now, runsFrom)) {
				System.out.printf("shared lab: before %s, %s -> %s: bin/lab %s%n", testClass, now, this.baseline,
						String.join(" ", command));
				assertThat(RunningLab.lab(command.toArray(String[]::new))).as("bin/lab %s", command).isZero();
			}
			emptyDeadLetters(testClass);
			assertThat(awaitWhole()).as("the shared lab before %s", testClass).isEmpty();
			emptyTheDataOnceItHasGrown(testClass);
			LabBaseline reset = LabBaseline.of(RunningLab.paths());
			assertThat(this.baseline.matches(reset, runsFrom))
				.as("the shared lab's shape before %s: %s, not %s", testClass, reset, this.baseline)
				.isTrue();
		}

		/**
		 * The orders and their receipts go once the bucket holds {@link #RECEIPTS_LIMIT}
		 * receipts: S3Mock rewrites a file that lists every key on each write, so a
		 * receipt costs more the more there are (about five times as much at ten
		 * thousand), and a game day's backlog would drain slower in the eighth test than
		 * in the first. What {@code up} made is an empty bucket and no orders; the test
		 * after gets that.
		 */
		private static void emptyTheDataOnceItHasGrown(String testClass) {
			int receipts;
			DatabaseNode primary;
			try (SystemProbe probe = RunningLab.probe()) {
				receipts = probe.bucket().receipts().size();
				primary = probe.database().requirePrimary();
			}
			if (receipts < RECEIPTS_LIMIT) {
				return;
			}
			System.out.printf("shared lab: before %s, %d receipts in the bucket -> orders and receipts emptied, "
					+ "S3 restarted with an empty store%n", testClass, receipts);
			// the orders first: no order may name a receipt that is gone
			RunningLab.database().nodes().postgres().query(primary, "orders", "TRUNCATE outbox, order_lines, orders");
			LabState state = LabState.load(RunningLab.paths());
			state.get("s3").ifPresent((s3) -> Processes.stop(s3.pid(), Duration.ofSeconds(10)));
			state.remove("s3");
			Postgres.deleteTree(RunningLab.paths().objectStore().resolve("store"));
			assertThat(RunningLab.lab("up")).as("bin/lab up, to start S3 again").isZero();
		}

		/** Poison that a test left in the dead-letter queue on purpose goes. */
		private static void emptyDeadLetters(String testClass) {
			int held;
			try (SystemProbe probe = RunningLab.probe()) {
				held = probe.queues().depth(AwsClients.DLQ).orElse(0);
			}
			if (held > 0) {
				System.out.printf("shared lab: before %s, %d messages in %s -> emptied%n", testClass, held,
						AwsClients.DLQ);
				new AwsStandIns(RunningLab.paths()).purgeDeadLetters();
			}
		}

		/**
		 * Waits until the lab is whole and everything placed so far is processed.
		 * @return what is still wrong when the wait ends; nothing if it is whole
		 */
		static List<String> awaitWhole() {
			LabHealth health = new LabHealth(RunningLab.topology(), new PrintWriter(System.out, true));
			List<String> problems = new ArrayList<>();
			try (SystemProbe probe = RunningLab.probe()) {
				Await.until(WHOLE_WITHIN, () -> {
					problems.clear();
					problems.addAll(health.problems(probe));
					pipeline(probe, problems);
					return problems.isEmpty();
				});
			}
			return problems;
		}

		private static void pipeline(SystemProbe probe, List<String> problems) {
			expectNone(problems, "events in the outbox", probe.orders().outboxBacklog().orElse(-1));
			expectNone(problems, "messages in " + AwsClients.QUEUE, probe.queues().depth(AwsClients.QUEUE).orElse(-1));
			expectNone(problems, "orders still ACCEPTED", probe.orders().accepted());
		}

		private static void expectNone(List<String> problems, String what, long count) {
			if (count != 0) {
				problems.add(((count < 0) ? "unknown" : String.valueOf(count)) + " " + what);
			}
		}

		@Override
		public void close() {
			this.lab.close();
		}

		@Override
		public String toString() {
			return "the shared lab at " + RunningLab.paths().state() + ", baseline " + this.baseline;
		}

	}

}
