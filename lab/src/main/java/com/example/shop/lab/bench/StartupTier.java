package com.example.shop.lab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.lab.fleet.Instances;

/**
 * A tier as the start-up bench starts it: beside the lab, on ports of its own.
 *
 * @param name {@code web} or {@code worker}
 * @param jar the jar the build made
 * @param settings the instance's own arguments: its ports
 * @param ports the ports it listens on, the first one answering {@code /readyz}
 */
record StartupTier(String name, Path jar, List<String> settings, List<Integer> ports) {

	String readyUrl() {
		return "http://127.0.0.1:" + this.ports.getFirst() + "/readyz";
	}

	/**
	 * Where one step of the bench logs, e.g. {@code web-training.log}.
	 * @param dir the bench's folder
	 * @param what the step
	 * @return the log
	 */
	Path log(Path dir, String what) {
		return dir.resolve(this.name + "-" + what + ".log");
	}

	/**
	 * The lab's command line for the tier, with extra JVM options before {@code -jar} and
	 * the jar replaced (the extracted one for tuned runs).
	 */
	List<String> command(Instances instances, Path jar, List<String> options) {
		List<String> extra = new ArrayList<>(options);
		String jvm = System.getProperty("bench.jvm", "");
		if (!jvm.isBlank()) {
			extra.addAll(0, List.of(jvm.trim().split(" +")));
		}
		List<String> command = withJvmOptions(instances.command(jar, "bench-" + this.name), extra);
		command.addAll(this.settings);
		String args = System.getProperty("bench.args", "");
		if (!args.isBlank()) {
			command.addAll(List.of(args.trim().split(" +")));
		}
		return command;
	}

	/**
	 * A command line with JVM options added just before {@code -jar}.
	 * @param command a {@code java ... -jar ...} command line
	 * @param options the options to add
	 * @return a new, modifiable command line
	 */
	static List<String> withJvmOptions(List<String> command, List<String> options) {
		int jar = command.indexOf("-jar");
		if (jar < 0) {
			throw new IllegalArgumentException("no -jar in " + command);
		}
		List<String> result = new ArrayList<>(command);
		result.addAll(jar, options);
		return result;
	}

}
