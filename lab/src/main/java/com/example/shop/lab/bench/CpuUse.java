package com.example.shop.lab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * CPU time of every process on the machine, by the part of the lab it plays, read from
 * {@code /proc}: the benchmark's profile of where an order's CPU goes.
 * <p>
 * A process counts its own time and its reaped children's ({@code cutime},
 * {@code cstime}), so a PostgreSQL backend that ends within a window still counts: its
 * time moves to the postmaster. The benchmark's own JVM counts only its own time, under
 * {@code selfChildren} go the commands it ran and waited for (pgbench). No library reads
 * {@code /proc} per process for Java; {@code ProcessHandle.Info.totalCpuDuration} gives
 * one process's own time without its children's, which loses short-lived backends.
 */
final class CpuUse {

	/** {@code USER_HZ}: clock ticks per second in {@code /proc}, 100 on every Linux. */
	static final int TICKS_PER_SECOND = 100;

	private final Path proc;

	private final long self;

	private final String selfChildren;

	/**
	 * @param proc the proc file system, {@code /proc}
	 * @param self the pid of the benchmark's own JVM
	 * @param selfChildren the part the benchmark's finished child commands play
	 */
	CpuUse(Path proc, long self, String selfChildren) {
		this.proc = proc;
		this.self = self;
		this.selfChildren = selfChildren;
	}

	/**
	 * The machine's, with the benchmark's finished commands named as given.
	 * @param selfChildren e.g. {@code pgbench}
	 * @return a reader of {@code /proc}
	 */
	static CpuUse ofMachine(String selfChildren) {
		return new CpuUse(Path.of("/proc"), ProcessHandle.current().pid(), selfChildren);
	}

	/**
	 * Clock ticks used so far, by part.
	 * @return part to ticks; empty where {@code /proc} does not exist
	 */
	Map<String, Long> sample() {
		Map<String, Long> ticks = new TreeMap<>();
		if (!Files.isDirectory(this.proc)) {
			return ticks;
		}
		try (Stream<Path> entries = Files.list(this.proc)) {
			for (Path entry : entries.filter((p) -> p.getFileName().toString().matches("\\d+")).toList()) {
				long[] times = times(entry);
				if (times == null) {
					continue;
				}
				if (Long.parseLong(entry.getFileName().toString()) == this.self) {
					ticks.merge("bench", times[0] + times[1], Long::sum);
					ticks.merge(this.selfChildren, times[2] + times[3], Long::sum);
				}
				else {
					ticks.merge(part(commandLine(entry)), times[0] + times[1] + times[2] + times[3], Long::sum);
				}
			}
		}
		catch (IOException ex) {
			return ticks;
		}
		return ticks;
	}

	/**
	 * Milliseconds of CPU per unit of work between two samples, by part, largest first;
	 * parts that used nothing are left out.
	 * @param before the first sample
	 * @param after the second
	 * @param units how much work was done in between (orders, transactions)
	 * @return part to CPU milliseconds per unit
	 */
	static Map<String, Double> perUnit(Map<String, Long> before, Map<String, Long> after, double units) {
		Map<String, Double> result = new LinkedHashMap<>();
		if (units <= 0) {
			return result;
		}
		after.entrySet()
			.stream()
			.map((e) -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
			.filter((e) -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((e) -> result.put(e.getKey(),
					Math.round(e.getValue() * 1000.0 / TICKS_PER_SECOND / units * 100) / 100.0));
		return result;
	}

	/**
	 * Which part of the lab a command line is.
	 * @param commandLine the process's arguments joined by spaces
	 * @return its part, {@code other} for anything the lab did not start
	 */
	static String part(String commandLine) {
		if (commandLine.startsWith("postgres") || commandLine.contains("/bin/postgres ")) {
			return "database";
		}
		for (Map.Entry<String, String> known : KNOWN.entrySet()) {
			if (commandLine.contains(known.getKey())) {
				return known.getValue();
			}
		}
		return "other";
	}

	/** What a command line contains, and the part it makes it; the first match wins. */
	private static final Map<String, String> KNOWN = knownParts();

	private static Map<String, String> knownParts() {
		Map<String, String> known = new LinkedHashMap<>();
		known.put("-Dlab.instance=web", "web");
		known.put("-Dlab.instance=worker", "worker");
		known.put("load.jar", "load generator");
		known.put("pgbench", "pgbench");
		known.put("haproxy", "load balancer");
		known.put("servers.FaultProxy", "fault proxy");
		known.put("servers.SqsServer", "sqs");
		known.put("s3mock", "s3");
		return known;
	}

	private static long @Nullable [] times(Path process) {
		try {
			String stat = Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII);
			// The command name is in parentheses and may contain spaces: count fields
			// after it.
			List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" "));
			// utime, stime, cutime, cstime are fields 14 to 17 of stat, 12 to 15 after
			// the name.
			return new long[] { Long.parseLong(fields.get(11)), Long.parseLong(fields.get(12)),
					Long.parseLong(fields.get(13)), Long.parseLong(fields.get(14)) };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String commandLine(Path process) {
		try {
			return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0',
					' ');
		}
		catch (IOException ex) {
			return "";
		}
	}

}
