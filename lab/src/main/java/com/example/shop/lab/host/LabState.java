package com.example.shop.lab.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the lab started: one entry per component, with its pid and port, kept in
 * {@code .lab/state.json} so that later commands ({@code status}, {@code down}) find the
 * same processes. More than one process changes it (a command, and the lab's
 * {@code Replacer} in the background), so each change re-reads the file and writes it
 * back under a file lock: no process overwrites what another one recorded.
 */
public final class LabState {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LabPaths paths;

	private final List<Component> components;

	private LabState(LabPaths paths, List<Component> components) {
		this.paths = paths;
		this.components = new ArrayList<>(components);
	}

	public static LabState load(LabPaths paths) {
		if (!Files.exists(paths.stateFile())) {
			return new LabState(paths, List.of());
		}
		Snapshot snapshot = JSON.readValue(paths.stateFile().toFile(), Snapshot.class);
		return new LabState(paths, snapshot.components());
	}

	public synchronized void put(Component component) {
		change(() -> {
			this.components.removeIf((existing) -> existing.name().equals(component.name()));
			this.components.add(component);
			this.components.sort(Comparator.comparing(Component::name));
		});
	}

	public synchronized void remove(String name) {
		change(() -> this.components.removeIf((existing) -> existing.name().equals(name)));
	}

	/** Re-reads the file, applies the change and writes it back, holding the lock. */
	private void change(Runnable change) {
		try {
			Files.createDirectories(this.paths.state());
			try (FileChannel lock = FileChannel.open(this.paths.state().resolve("state.lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = lock.lock()) {
				if (Files.exists(this.paths.stateFile())) {
					this.components.clear();
					this.components
						.addAll(JSON.readValue(this.paths.stateFile().toFile(), Snapshot.class).components());
				}
				change.run();
				save();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public synchronized Optional<Component> get(String name) {
		return this.components.stream().filter((component) -> component.name().equals(name)).findFirst();
	}

	public synchronized List<Component> components() {
		return List.copyOf(this.components);
	}

	public synchronized List<Component> ofKind(String kind) {
		return this.components.stream().filter((component) -> component.kind().equals(kind)).toList();
	}

	/** Writes a new file and moves it into place, so a reader never sees half of one. */
	private void save() {
		try {
			Path next = this.paths.stateFile().resolveSibling("state.json.next");
			JSON.writerWithDefaultPrettyPrinter().writeValue(next.toFile(), new Snapshot(List.copyOf(this.components)));
			Files.move(next, this.paths.stateFile(), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One running part of the lab.
	 *
	 * @param name its name, e.g. {@code web-1}
	 * @param kind {@code web}, {@code worker}, {@code database}, {@code sqs}, {@code s3}
	 * or {@code load-balancer}
	 * @param pid its process id (for a database node, the postmaster's)
	 * @param port the port it serves on
	 */
	public record Component(String name, String kind, long pid, int port) {
	}

	private record Snapshot(List<Component> components) {
	}

}
