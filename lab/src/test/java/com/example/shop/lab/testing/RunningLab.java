package com.example.shop.lab.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.example.shop.lab.Lab;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Secrets;
import com.example.shop.lab.host.Tools;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.Database;
import com.example.shop.lab.standins.LoadBalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real lab for a test class: {@code up} in a temporary state folder before the first
 * test, {@code down --purge} after the last, failing if a process or a port is left. The
 * lab uses fixed ports, so test classes that use it run one after the other (Failsafe's
 * single fork). It needs PostgreSQL and HAProxy installed; without them the tests are
 * skipped, unless {@code LAB_REQUIRED=true} (as in {@code .ci/run}) makes that a failure.
 */
public final class RunningLab {

	private static Path state;

	private RunningLab() {
	}

	/**
	 * Whether a missing tool is a failure rather than a reason to skip
	 * ({@code LAB_REQUIRED=true}, as in {@code .ci/run}).
	 */
	public static boolean required() {
		return Boolean.getBoolean("lab.required") || "true".equals(System.getenv("LAB_REQUIRED"));
	}

	public static void up() throws Exception {
		assumeTrue(required() || Tools.find().isPresent(), "PostgreSQL and HAProxy are not installed");
		assertThat(Topology.listening()).as("lab ports already in use: is a lab running? bin/lab down").isEmpty();
		state = Files.createTempDirectory("lab-test",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		System.setProperty("lab.home", Path.of("..").toAbsolutePath().normalize().toString());
		System.setProperty("lab.state", state.toString());

		assertThat(lab("up")).isZero();
	}

	public static void down() {
		if (state == null) {
			return;
		}
		List<Long> pids = LabState.load(LabPaths.fromSystem()).components().stream().map((c) -> c.pid()).toList();

		int exit = lab("down", "--purge");

		assertThat(exit).isZero();
		assertThat(Topology.listening()).as("ports left listening").isEmpty();
		assertThat(pids).as("processes left running").noneMatch(Processes::isAlive);
		assertThat(state).doesNotExist();
		state = null;
	}

	public static int lab(String... args) {
		return Lab.execute(System.out, System.err, args);
	}

	public static LabPaths paths() {
		return LabPaths.fromSystem();
	}

	public static Database database() {
		return new Database(paths(), Tools.find().orElseThrow(), Secrets.loadOrCreate(paths()));
	}

	public static Topology topology() {
		return new Topology(paths(), new java.io.PrintWriter(System.out, true));
	}

	public static LoadBalancer loadBalancer() {
		return new LoadBalancer(paths(), Tools.find().orElseThrow());
	}

}
