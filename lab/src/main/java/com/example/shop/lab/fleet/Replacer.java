package com.example.shop.lab.fleet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Zones;
import com.example.shop.lab.probe.CurrentFault;
import com.example.shop.lab.process.Processes;

/**
 * The lab's Auto Scaling group, as far as replacing instances goes (component
 * {@code replacer}): once a second it looks for web and worker instances the lab has but
 * whose process is dead, and once one has been dead for {@link #GRACE}, starts a new one
 * in the same slot, so in the same zone ({@link Zones}), and waits until it is ready. An
 * instance stopped on purpose ({@code bin/lab scale}, a deployment) is no longer in the
 * lab's state, so it is not replaced.
 * <p>
 * It waits while a fault is being injected ({@link CurrentFault}): a fault that kills
 * instances decides itself when they come back, as {@code az-outage} does when its zone
 * returns. {@code bin/lab replace off} stops replacing, so a demo can look at the gap a
 * dead instance leaves; {@code bin/lab replace on} starts again.
 */
public final class Replacer {

	/** How long an instance is dead before it is replaced. */
	public static final Duration GRACE = Duration.ofSeconds(10);

	private final LabPaths paths;

	private final PrintWriter out;

	/** When each dead instance (name and pid) was first seen dead. */
	private final Map<String, Instant> deadSince = new HashMap<>();

	Replacer(LabPaths paths, PrintWriter out) {
		this.paths = paths;
		this.out = out;
	}

	/**
	 * Replaces dead instances until killed.
	 * @param args none
	 * @throws InterruptedException if interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		Replacer replacer = new Replacer(LabPaths.fromSystem(), new PrintWriter(System.out, true));
		replacer.out.printf("%s replacer: replacing instances dead for %d s, in their zone%n", Instant.now(),
				GRACE.toSeconds());
		while (true) {
			try {
				replacer.tick(Instant.now());
			}
			catch (RuntimeException ex) {
				// a replacement that failed is tried again on a later tick
				replacer.out.printf("%s replacer: %s%n", Instant.now(), ex.getMessage());
			}
			Thread.sleep(Duration.ofSeconds(1));
		}
	}

	/**
	 * Whether the lab replaces dead instances.
	 * @param paths the lab
	 * @return {@code false} after {@code bin/lab replace off}
	 */
	public static boolean enabled(LabPaths paths) {
		return !Files.exists(offMarker(paths));
	}

	/**
	 * Turns replacing on or off.
	 * @param paths the lab
	 * @param on whether to replace
	 */
	static void enable(LabPaths paths, boolean on) {
		try {
			Files.createDirectories(paths.state());
			if (on) {
				Files.deleteIfExists(offMarker(paths));
			}
			else {
				Files.writeString(offMarker(paths), "bin/lab replace on removes this file\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path offMarker(LabPaths paths) {
		return paths.state().resolve("replace-off");
	}

	/**
	 * Looks once, and replaces one instance that has been dead long enough.
	 * @param now the time
	 * @return the instance replaced, if any
	 */
	Optional<String> tick(Instant now) {
		if (!enabled(this.paths) || CurrentFault.read(this.paths).isPresent()) {
			this.deadSince.clear();
			return Optional.empty();
		}
		List<LabState.Component> dead = LabState.load(this.paths)
			.components()
			.stream()
			.filter((component) -> component.kind().equals("web") || component.kind().equals("worker"))
			.filter((component) -> !Processes.isAlive(component.pid()))
			.toList();
		this.deadSince.keySet().retainAll(dead.stream().map(Replacer::key).toList());
		for (LabState.Component instance : dead) {
			Instant since = this.deadSince.computeIfAbsent(key(instance), (key) -> now);
			if (Duration.between(since, now).compareTo(GRACE) >= 0) {
				replace(instance);
				return Optional.of(instance.name());
			}
		}
		return Optional.empty();
	}

	private void replace(LabState.Component instance) {
		// still the same dead instance: nobody removed or restarted it in the meantime
		Optional<LabState.Component> current = LabState.load(this.paths).get(instance.name());
		if (current.isEmpty() || current.get().pid() != instance.pid()) {
			return;
		}
		String zone = Zones.of(instance.name()).orElseThrow();
		this.out.printf("%s replacer: %s (pid %d) is dead; starting a new one in zone %s%n", Instant.now(),
				instance.name(), instance.pid(), zone);
		int slot = Integer.parseInt(instance.name().substring(instance.kind().length() + 1));
		Topology topology = new Topology(this.paths, this.out);
		topology.startInstance(instance.kind(), slot, List.of());
		this.out.printf("%s replacer: %s is ready (pid %d, zone %s)%n", Instant.now(), instance.name(),
				topology.runningInstance(instance.name()).pid(), zone);
		this.deadSince.remove(key(instance));
	}

	private static String key(LabState.Component instance) {
		return instance.name() + "@" + instance.pid();
	}

}
