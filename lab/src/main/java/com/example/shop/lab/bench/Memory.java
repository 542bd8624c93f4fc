package com.example.shop.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabState;

/**
 * Resident memory of the lab's instances, as the kernel counts it ({@code VmRSS} in
 * {@code /proc/PID/status}): heap, metaspace, code cache, thread stacks and native
 * buffers, what an instance type's memory must hold.
 */
final class Memory {

	private Memory() {
	}

	/**
	 * The largest resident set among the running instances of a tier.
	 * @param topology the lab
	 * @param kind {@code web} or {@code worker}
	 * @return megabytes, or 0 if none runs (or this is not Linux)
	 */
	static long largestRssMb(Topology topology, String kind) {
		List<LabState.Component> instances = topology.state().ofKind(kind);
		return instances.stream().mapToLong((instance) -> rssKb(instance.pid())).max().orElse(0) / 1024;
	}

	static long rssKb(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
