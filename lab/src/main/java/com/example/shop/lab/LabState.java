package com.example.shop.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the lab started: one entry per component, with its pid and port, kept in
 * {@code .lab/state.json} so that later commands ({@code status}, {@code down}) find the
 * same processes.
 */
final class LabState {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LabPaths paths;

	private final List<Component> components;

	private LabState(LabPaths paths, List<Component> components) {
		this.paths = paths;
		this.components = new ArrayList<>(components);
	}

	static LabState load(LabPaths paths) {
		if (!Files.exists(paths.stateFile())) {
			return new LabState(paths, List.of());
		}
		Snapshot snapshot = JSON.readValue(paths.stateFile().toFile(), Snapshot.class);
		return new LabState(paths, snapshot.components());
	}

	synchronized void put(Component component) {
		this.components.removeIf((existing) -> existing.name().equals(component.name()));
		this.components.add(component);
		this.components.sort(Comparator.comparing(Component::name));
		save();
	}

	synchronized void remove(String name) {
		this.components.removeIf((existing) -> existing.name().equals(name));
		save();
	}

	synchronized Optional<Component> get(String name) {
		return this.components.stream().filter((component) -> component.name().equals(name)).findFirst();
	}

	synchronized List<Component> components() {
		return List.copyOf(this.components);
	}

	synchronized List<Component> ofKind(String kind) {
		return this.components.stream().filter((component) -> component.kind().equals(kind)).toList();
	}

	private void save() {
		try {
			Files.createDirectories(this.paths.state());
			JSON.writerWithDefaultPrettyPrinter()
				.writeValue(this.paths.stateFile().toFile(), new Snapshot(List.copyOf(this.components)));
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
	record Component(String name, String kind, long pid, int port) {
	}

	private record Snapshot(List<Component> components) {
	}

}
