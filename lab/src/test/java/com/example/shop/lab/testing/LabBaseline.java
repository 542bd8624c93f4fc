package com.example.shop.lab.testing;

import java.util.ArrayList;
import java.util.List;

import com.example.shop.deploy.Colour;
import com.example.shop.lab.fleet.Replacer;
import com.example.shop.lab.fleet.WebColours;
import com.example.shop.lab.host.DatabaseNode;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.probe.SystemProbe;
import org.jspecify.annotations.Nullable;

/**
 * The shape of the lab that every lab test starts from: which node is primary, which
 * colour is live, how many web and worker instances run, whether dead instances are
 * replaced. A test may change any of it (a failover, a deployment, a scale-out); the
 * shared lab puts it back before the next test ({@link SharedLab}).
 *
 * @param primary the primary database node
 * @param live the live colour
 * @param webs web instances of the live colour
 * @param workers worker instances
 * @param replacing whether the replacer replaces dead instances
 */
record LabBaseline(DatabaseNode primary, Colour live, int webs, int workers, boolean replacing) {

	/**
	 * Whether the lab has this shape, leaving out what the next test does not depend on.
	 * @param now the lab's shape now
	 * @param runsFrom what the next test does not depend on, or {@code null}
	 * @return {@code true} if nothing needs putting back
	 */
	boolean matches(LabBaseline now, SharedLab.@Nullable RunsFrom runsFrom) {
		return commandsFrom(now, runsFrom).isEmpty();
	}

	/**
	 * The lab's shape now.
	 * @param paths the lab
	 * @return its baseline
	 */
	static LabBaseline of(LabPaths paths) {
		LabState state = LabState.load(paths);
		try (SystemProbe probe = SystemProbe.open(paths)) {
			return new LabBaseline(probe.database().requirePrimary(), WebColours.load(paths).live(),
					state.ofKind("web").size(), state.ofKind("worker").size(), Replacer.enabled(paths));
		}
	}

	/**
	 * What the lab needs to be this again, as {@code bin/lab} commands.
	 * @param now the lab's shape now
	 * @param runsFrom what the next test does not depend on, or {@code null}
	 * @return one command line per difference, in the order to run them
	 */
	List<List<String>> commandsFrom(LabBaseline now, SharedLab.@Nullable RunsFrom runsFrom) {
		boolean anyColour = runsFrom != null && runsFrom.anyColour();
		boolean anyPrimary = runsFrom != null && runsFrom.anyPrimary();
		List<List<String>> commands = new ArrayList<>();
		if (this.replacing != now.replacing()) {
			commands.add(List.of("replace", this.replacing ? "on" : "off"));
		}
		if (this.live != now.live() && !anyColour) {
			// a good release onto the other colour makes it live; quick bakes, it is a
			// reset
			commands.add(List.of("deploy", "--version", "reset-" + System.currentTimeMillis(), "--bake", "1",
					"--final-bake", "1", "--healthy-timeout", "300"));
		}
		else if (this.live == now.live() && this.webs != now.webs()) {
			commands.add(List.of("scale", "web", String.valueOf(this.webs)));
		}
		if (this.workers != now.workers()) {
			commands.add(List.of("scale", "worker", String.valueOf(this.workers)));
		}
		if (!this.primary.equals(now.primary()) && !anyPrimary) {
			commands.add(List.of("fault", "db-failover"));
		}
		return commands;
	}

}
