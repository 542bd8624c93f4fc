package com.example.shop.lab.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the lab finds its jars and keeps its state. Everything the lab writes lives under
 * {@code .lab/} in the repository (git-ignored), logs included, so
 * {@code bin/lab down --purge} leaves nothing behind.
 *
 * @param repo the repository root
 * @param state the lab's state folder
 */
public record LabPaths(Path repo, Path state) {

	public static LabPaths fromSystem() {
		Path repo = Path.of(System.getProperty("lab.home", ".")).toAbsolutePath().normalize();
		String state = System.getProperty("lab.state");
		return new LabPaths(repo, (state != null) ? Path.of(state).toAbsolutePath() : repo.resolve(".lab"));
	}

	public Path logs() {
		return this.state.resolve("logs");
	}

	public Path log(String component) {
		return logs().resolve(component + ".log");
	}

	Path stateFile() {
		return this.state.resolve("state.json");
	}

	public Path secrets() {
		return this.state.resolve("secrets.properties");
	}

	public Path haproxy() {
		return this.state.resolve("haproxy");
	}

	public Path objectStore() {
		return this.state.resolve("s3");
	}

	/** The fault proxy's control socket. */
	public Path faultsSocket() {
		return this.state.resolve("faults.sock");
	}

	public Path webJar() {
		return this.repo.resolve("web/target/web.jar");
	}

	public Path workerJar() {
		return this.repo.resolve("worker/target/worker.jar");
	}

	public Path loadJar() {
		return this.repo.resolve("load/target/load.jar");
	}

	public Path labJar() {
		return this.repo.resolve("lab/target/lab.jar");
	}

	public Path s3mockJar() {
		return this.repo.resolve("lab/target/servers/s3mock.jar");
	}

	public void create() throws IOException {
		Files.createDirectories(logs());
		Files.createDirectories(haproxy());
		Files.createDirectories(objectStore());
	}

}
