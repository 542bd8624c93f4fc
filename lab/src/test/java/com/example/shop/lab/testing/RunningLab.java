package com.example.shop.lab.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import com.example.shop.lab.Lab;
import com.example.shop.lab.fleet.DatabasePair;
import com.example.shop.lab.fleet.Teardown;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.probe.SystemProbe;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.standins.LoadBalancer;
import com.example.shop.lab.standins.Tools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real lab the lab tests share ({@link SharedLab}): {@code up} in a temporary state
 * folder once, {@code down --purge} when the last test class is done, failing if a
 * process or a port is left. The lab uses fixed ports, so its tests run one after the
 * other (Failsafe's single fork). Its static methods reach the running lab: the
 * {@code bin/lab} command line, its paths, and the lab's own classes on it.
 */
public final class RunningLab implements AutoCloseable {

	private final Path state;

	private RunningLab(Path state) {
		this.state = state;
	}

	/**
	 * Whether a missing tool is a failure rather than a reason to skip
	 * ({@code LAB_REQUIRED=true}, as in {@code .ci/run}).
	 * @return {@code true} if the lab's tests must run
	 */
	public static boolean required() {
		return Boolean.getBoolean("lab.required") || "true".equals(System.getenv("LAB_REQUIRED"));
	}

	/**
	 * Whether PostgreSQL and HAProxy are installed.
	 * @return {@code true} if a lab can run here
	 */
	static boolean installed() {
		return Tools.find().isPresent();
	}

	/**
	 * Brings a new lab up.
	 * @return the lab, to be closed when every test is done
	 * @throws Exception if the state folder cannot be made
	 */
	static RunningLab start() throws Exception {
		assertThat(Teardown.listening()).as("lab ports already in use: is a lab running? bin/lab down").isEmpty();
		Path state = Files.createTempDirectory("lab-test",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		System.setProperty("lab.home", Path.of("..").toAbsolutePath().normalize().toString());
		System.setProperty("lab.state", state.toString());
		assertThat(lab("up")).as("bin/lab up").isZero();
		return new RunningLab(state);
	}

	/**
	 * Takes the lab down and checks that nothing is left. Its logs are kept first, in
	 * {@code lab/target/lab-logs/}, for whoever has to find out why a test failed.
	 */
	@Override
	public void close() {
		List<Long> pids = LabState.load(paths()).components().stream().map(LabState.Component::pid).toList();
		keepLogs();

		int exit = lab("down", "--purge");

		assertThat(exit).isZero();
		assertThat(Teardown.listening()).as("ports left listening").isEmpty();
		assertThat(pids).as("processes left running").noneMatch(Processes::isAlive);
		assertThat(this.state).doesNotExist();
	}

	private static void keepLogs() {
		Path kept = Path.of("target", "lab-logs");
		try (Stream<Path> logs = Files.list(paths().logs())) {
			Files.createDirectories(kept);
			for (Path log : logs.toList()) {
				Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			System.err.println("the lab's logs could not be kept: " + ex);
		}
	}

	/**
	 * Runs one {@code bin/lab} command in this JVM.
	 * @param args the command line
	 * @return its exit code
	 */
	public static int lab(String... args) {
		return Lab.execute(System.out, System.err, args);
	}

	public static LabPaths paths() {
		return LabPaths.fromSystem();
	}

	public static Topology topology() {
		return new Topology(paths(), new PrintWriter(System.out, true));
	}

	public static DatabasePair database() {
		return topology().database();
	}

	public static LoadBalancer loadBalancer() {
		return new LoadBalancer(paths(), Tools.find().orElseThrow());
	}

	/**
	 * What the lab's own probe reads of the running lab; close it.
	 * @return a probe
	 */
	public static SystemProbe probe() {
		return SystemProbe.open(paths());
	}

}
