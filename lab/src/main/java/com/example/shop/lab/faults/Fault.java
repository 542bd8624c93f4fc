package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * One real fault the lab can inject into itself, and take away again. Every fault ends by
 * itself: {@link FaultRun} injects it, keeps it for its {@link #duration()} while
 * reporting on it, then heals it, and heals it too when the command is interrupted. The
 * command line ({@code bin/lab fault NAME}) and game days run faults the same way.
 * <p>
 * Faults use the mechanisms a real failure would: signals to processes, PostgreSQL's own
 * tools, HAProxy's runtime API and the fault proxy in the network path; never a switch
 * inside the application that pretends a dependency failed.
 */
public interface Fault {

	/**
	 * The fault's name, as on the command line.
	 * @return e.g. {@code db-outage}
	 */
	String name();

	/**
	 * How long the fault stays injected before it is healed.
	 * @return the duration, zero for a fault that is healed at once (a kill, a failover)
	 */
	Duration duration();

	/**
	 * Sets the stage before the fault begins, for a fault that needs the lab in a
	 * particular shape (for example, instances restarted with other settings). It is not
	 * part of the fault's window: a game day prepares before it starts its load.
	 * {@link #heal} undoes it too.
	 * @param out where to say what happened
	 */
	default void prepare(PrintWriter out) {
	}

	/**
	 * Injects the fault.
	 * @param out where to say what happened
	 */
	void inject(PrintWriter out);

	/**
	 * Takes the fault away and brings the lab back to normal: restarts what was stopped,
	 * restores what was cut. Safe to call when {@link #inject} failed half-way.
	 * @param out where to say what happened
	 */
	void heal(PrintWriter out);

	/**
	 * Messages this fault put on the orders queue on purpose that belong in the
	 * dead-letter queue: a game day checks that the DLQ holds exactly these.
	 * @return their bodies, none by default
	 */
	default List<String> deadLetters() {
		return List.of();
	}

	/**
	 * How often {@link #observe} reports while the fault lasts.
	 * @return the interval
	 */
	default Duration observeEvery() {
		return Duration.ofSeconds(5);
	}

	/**
	 * Reports while the fault lasts; by default, how long it has left.
	 * @param out where to report
	 * @param left how long until it is healed
	 */
	default void observe(PrintWriter out, Duration left) {
		out.printf("%s: %d s left%n", name(), Math.round(left.toMillis() / 1000.0));
	}

}
