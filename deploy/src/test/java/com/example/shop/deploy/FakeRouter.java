package com.example.shop.deploy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * A load balancer with settable weights and a scripted health per colour: the script gets
 * the number of the reading (1 for the first read of that colour) and says what the
 * checks report then. It can fail one {@link #route} call.
 */
final class FakeRouter implements TrafficRouter {

	private final Journal journal;

	private final Map<Colour, IntFunction<TargetHealth>> health = new EnumMap<>(Colour.class);

	private final Map<Colour, Integer> reads = new EnumMap<>(Map.of(Colour.BLUE, 0, Colour.GREEN, 0));

	private final List<Weights> routed = new ArrayList<>();

	private Weights weights;

	private int routeCalls;

	private int failingRouteCall;

	private @Nullable RuntimeException routeFailure;

	FakeRouter(Journal journal, Weights weights) {
		this.journal = journal;
		this.weights = weights;
	}

	void health(Colour colour, IntFunction<TargetHealth> byReading) {
		this.health.put(colour, byReading);
	}

	void failRoute(int call, RuntimeException failure) {
		this.failingRouteCall = call;
		this.routeFailure = failure;
	}

	@Override
	public Weights weights() {
		return this.weights;
	}

	@Override
	public void route(Weights weights) {
		this.routeCalls++;
		if (this.routeCalls == this.failingRouteCall && this.routeFailure != null) {
			throw this.routeFailure;
		}
		this.journal.record("route " + weights);
		this.routed.add(weights);
		this.weights = weights;
	}

	@Override
	public TargetHealth health(Colour colour) {
		int reading = this.reads.merge(colour, 1, Integer::sum);
		return this.health.getOrDefault(colour, (any) -> new TargetHealth(0, 0)).apply(reading);
	}

	List<Weights> routed() {
		return List.copyOf(this.routed);
	}

	int reads(Colour colour) {
		return this.reads.get(colour);
	}

}
