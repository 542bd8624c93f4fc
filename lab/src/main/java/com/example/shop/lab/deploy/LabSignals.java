package com.example.shop.lab.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.example.shop.deploy.Colour;
import com.example.shop.deploy.HealthSignals;
import com.example.shop.lab.fleet.WebColours;
import com.example.shop.lab.probe.LoadBalancerLog;
import com.example.shop.lab.probe.NearestRank;
import org.jspecify.annotations.Nullable;

/**
 * The lab's counterpart of the CloudWatch alarms a deployment watches on AWS: from the
 * load balancer's access log, the new colour's error rate and p99 latency since traffic
 * first shifted to it, the latter compared with the old colour's over the same time.
 */
final class LabSignals implements HealthSignals {

	/** A few errors are a signal, one is not: fewer than this many never breach. */
	static final int MIN_ERRORS = 3;

	/** More than 5 % of the new colour's answers failing is a breach. */
	static final double MAX_ERROR_RATE = 0.05;

	/**
	 * p99 is read once the new colour has answered this many requests: with fewer, one
	 * slow request (a cold JIT, a pause on a busy laptop) would be the p99 by itself.
	 */
	static final int MIN_REQUESTS_FOR_P99 = 100;

	/** p99 breaches when above 3 times the old colour's, and above this floor. */
	static final long P99_FLOOR_MS = 1000;

	private final Path accessLog;

	private long since = Long.MAX_VALUE;

	LabSignals(Path accessLog) {
		this.accessLog = accessLog;
	}

	@Override
	public void baseline(Colour newColour) {
		this.since = System.currentTimeMillis();
	}

	@Override
	public Optional<String> breach(Colour newColour) {
		List<LoadBalancerLog.Entry> entries = LoadBalancerLog.between(this.accessLog, this.since,
				System.currentTimeMillis());
		return judge(newColour, entries);
	}

	/**
	 * The verdict on a set of requests, apart from where they come from, for the tests.
	 * @param newColour the colour being deployed
	 * @param entries the requests since the first shift
	 * @return the breach, if any
	 */
	static Optional<String> judge(Colour newColour, List<LoadBalancerLog.Entry> entries) {
		List<LoadBalancerLog.Entry> fresh = entries.stream().filter((e) -> colourOf(e) == newColour).toList();
		List<LoadBalancerLog.Entry> old = entries.stream().filter((e) -> colourOf(e) == newColour.other()).toList();
		long errors = fresh.stream().filter(LabSignals::failed).count();
		if (errors >= MIN_ERRORS && errors > MAX_ERROR_RATE * fresh.size()) {
			return Optional.of("%s answered %d of %d requests with an error (more than %.0f %%)".formatted(newColour,
					errors, fresh.size(), MAX_ERROR_RATE * 100));
		}
		if (fresh.size() >= MIN_REQUESTS_FOR_P99) {
			long p99 = p99(fresh);
			long limit = Math.max(P99_FLOOR_MS, 3 * p99(old));
			if (p99 > limit) {
				return Optional.of("%s's p99 is %d ms, above %d ms (3 times %s's, at least %d ms)".formatted(newColour,
						p99, limit, newColour.other(), P99_FLOOR_MS));
			}
		}
		return Optional.empty();
	}

	private static boolean failed(LoadBalancerLog.Entry entry) {
		return entry.status() >= 500 || entry.status() < 0 || !entry.endedNormally();
	}

	private static long p99(List<LoadBalancerLog.Entry> entries) {
		Long p99 = NearestRank.of(entries.stream().mapToLong(LoadBalancerLog.Entry::totalMs).toArray(), 99);
		return (p99 != null) ? p99 : 0;
	}

	/**
	 * {@code web/web-6} and its fail-open twin {@code web/web-6-open} are green's; a
	 * request no server took ({@code web/<NOSRV>}) is no colour's.
	 */
	private static @Nullable Colour colourOf(LoadBalancerLog.Entry entry) {
		String server = entry.server().replaceFirst("^web/web-", "").replaceFirst("-open$", "");
		return server.matches("\\d+") ? WebColours.colourOf(Integer.parseInt(server)) : null;
	}

}
