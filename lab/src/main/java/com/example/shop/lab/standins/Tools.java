package com.example.shop.lab.standins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.process.Launch;
import com.sun.security.auth.module.UnixSystem;

/**
 * The programs the lab needs beyond the JDK: PostgreSQL's server binaries and HAProxy.
 * When they are missing on Debian or Ubuntu, the lab installs them with apt (once, saying
 * so); elsewhere it stops and says exactly what to install.
 *
 * @param postgresBin the folder with {@code initdb}, {@code pg_ctl} and
 * {@code pg_basebackup}
 * @param haproxy the {@code haproxy} executable
 */
public record Tools(Path postgresBin, Path haproxy) {

	/**
	 * The tools, if they are installed; for commands that must not install anything.
	 * @return the tools, or empty
	 */
	public static Optional<Tools> find() {
		Optional<Path> postgres = findPostgres();
		Optional<Path> haproxy = findHaproxy();
		return (postgres.isPresent() && haproxy.isPresent()) ? Optional.of(new Tools(postgres.get(), haproxy.get()))
				: Optional.empty();
	}

	public static Tools findOrInstall() {
		Optional<Path> postgres = findPostgres();
		Optional<Path> haproxy = findHaproxy();
		if (postgres.isPresent() && haproxy.isPresent()) {
			return new Tools(postgres.get(), haproxy.get());
		}
		install(postgres.isEmpty(), haproxy.isEmpty());
		return new Tools(findPostgres().orElseThrow(() -> new LabException("PostgreSQL is still missing after apt")),
				findHaproxy().orElseThrow(() -> new LabException("HAProxy is still missing after apt")));
	}

	public static boolean isRoot() {
		return new UnixSystem().getUid() == 0;
	}

	public Path postgres(String program) {
		return this.postgresBin.resolve(program);
	}

	private static Optional<Path> findPostgres() {
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				Optional<Path> newest = versions.map((version) -> version.resolve("bin"))
					.filter((bin) -> Files.isExecutable(bin.resolve("initdb")))
					.max(Comparator.comparingInt(Tools::majorVersion));
				if (newest.isPresent()) {
					return newest;
				}
			}
			catch (IOException ex) {
				// fall through to PATH
			}
		}
		return onPath("initdb").map(Path::getParent);
	}

	private static int majorVersion(Path bin) {
		try {
			return Integer.parseInt(bin.getParent().getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Optional<Path> findHaproxy() {
		return onPath("haproxy").or(() -> Optional.of(Path.of("/usr/sbin/haproxy")).filter(Files::isExecutable));
	}

	private static Optional<Path> onPath(String program) {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(":"))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, program))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static void install(boolean postgres, boolean haproxy) {
		List<String> packages = new ArrayList<>();
		if (postgres) {
			packages.add("postgresql");
		}
		if (haproxy) {
			packages.add("haproxy");
		}
		if (onPath("apt-get").isEmpty()) {
			throw new LabException("The lab needs " + String.join(" and ", packages) + ". Install "
					+ "PostgreSQL (server binaries: initdb, pg_ctl, pg_basebackup; version 14 or newer) and HAProxy "
					+ "(2.6 or newer), e.g. on macOS: brew install postgresql@17 haproxy. Then run bin/lab up again.");
		}
		List<String> sudo = isRoot() ? List.of() : List.of("sudo");
		System.out.println("Installing " + String.join(" and ", packages) + " with apt-get (needed once) ...");
		List<String> update = new ArrayList<>(sudo);
		update.addAll(List.of("apt-get", "update", "-qq"));
		Launch.of(update).runInTerminal();
		List<String> command = new ArrayList<>(sudo);
		command.addAll(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq",
				"--no-install-recommends"));
		command.addAll(packages);
		Launch.of(command).runInTerminal();
	}

}
