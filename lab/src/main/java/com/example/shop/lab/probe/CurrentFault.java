package com.example.shop.lab.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.process.Processes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault being injected right now, in {@code .lab/fault.json}, so that the monitor
 * (and the dashboard) can show it: written by {@code faults.FaultRun} when it injects,
 * removed when it has healed. A file left behind by a killed {@code bin/lab fault} is
 * ignored, since the process that wrote it is gone.
 *
 * @param name the fault, e.g. {@code db-failover}
 * @param since when it was injected, epoch milliseconds
 * @param pid the process injecting it
 */
public record CurrentFault(String name, long since, long pid) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static void write(LabPaths paths, String name) {
		try {
			Path file = file(paths);
			Path temporary = file.resolveSibling("fault.json.tmp");
			Files.writeString(temporary, JSON
				.writeValueAsString(new CurrentFault(name, System.currentTimeMillis(), ProcessHandle.current().pid())));
			Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// the dashboard will not show it; the fault itself goes ahead
		}
	}

	public static void clear(LabPaths paths) {
		try {
			Files.deleteIfExists(file(paths));
		}
		catch (IOException ex) {
			// read() ignores it once this process has ended
		}
	}

	public static Optional<CurrentFault> read(LabPaths paths) {
		try {
			CurrentFault fault = JSON.readValue(file(paths).toFile(), CurrentFault.class);
			return Processes.isAlive(fault.pid()) ? Optional.of(fault) : Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Path file(LabPaths paths) {
		return paths.state().resolve("fault.json");
	}

}
