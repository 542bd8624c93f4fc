package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.standins.FaultProxies;
import org.jspecify.annotations.Nullable;

/**
 * A fault in the network between the instances and a dependency, made by the fault proxy:
 * a cut (every connection reset, new ones too: the dependency is gone) or a slowdown
 * (every answer late by a latency). The proxy gets the same deadline as this fault, so
 * the route comes back even if the command that cut it is killed.
 */
public final class RouteFault implements Fault {

	private final String name;

	private final String target;

	private final @Nullable Duration latency;

	private final Duration duration;

	private final FaultProxies proxies;

	private RouteFault(String name, String target, @Nullable Duration latency, Duration duration,
			FaultProxies proxies) {
		this.name = name;
		this.target = target;
		this.latency = latency;
		this.duration = duration;
		this.proxies = proxies;
	}

	/**
	 * An outage: the routes are cut.
	 * @param name the fault's name
	 * @param target {@code db} (both nodes), {@code sqs} or {@code s3}
	 * @param duration how long
	 * @param paths the lab
	 * @return the fault
	 */
	public static RouteFault outage(String name, String target, Duration duration, LabPaths paths) {
		return new RouteFault(name, target, null, duration, new FaultProxies(paths));
	}

	/**
	 * A slowdown: every chunk the server sends back is late by the latency.
	 * @param name the fault's name
	 * @param target the routes
	 * @param latency the delay
	 * @param duration how long
	 * @param paths the lab
	 * @return the fault
	 */
	public static RouteFault slow(String name, String target, Duration latency, Duration duration, LabPaths paths) {
		return new RouteFault(name, target, latency, duration, new FaultProxies(paths));
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Duration duration() {
		return this.duration;
	}

	@Override
	public void inject(PrintWriter out) {
		String answer = (this.latency != null) ? this.proxies.slow(this.target, this.latency, this.duration)
				: this.proxies.cut(this.target, this.duration);
		out.printf("%s: for %d s (the proxy restores it by itself then, too)%n", this.name, this.duration.toSeconds());
		answer.lines().forEach((line) -> out.println("  " + line));
	}

	@Override
	public void heal(PrintWriter out) {
		String answer = this.proxies.restore(this.target);
		out.printf("%s: over, routes restored%n", this.name);
		answer.lines().forEach((line) -> out.println("  " + line));
	}

}
