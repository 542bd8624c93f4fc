package com.example.shop.lab.workshop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.example.shop.lab.testing.RunningLab;
import com.example.shop.lab.testing.SharedLab;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docs that cannot rot: every command of every workshop lab in {@code docs/labs/}, run in
 * order on one running lab as an attendee would type it (with {@code bash} from the
 * repository root, through {@code bin/lab}); each must end as the lab says and print what
 * the lab says it prints ({@link LabDocument}). The labs fail the database over, deploy
 * green and leave poison in the dead-letter queue, as an attendee would; the shared lab
 * puts the lab back for the test after this one.
 */
@ExtendWith(SharedLab.class)
@SharedLab.RunsFrom(anyPrimary = true)
@Order(7)
class WorkshopLabsIT {

	/** The longest step: a blue/green deploy with its bakes. */
	private static final long STEP_TIMEOUT_MINUTES = 8;

	@TestFactory
	Stream<DynamicContainer> everyCommandOfEveryLab() throws IOException {
		// -Dworkshop.labs=07,08 runs only those (while writing a lab); the build runs
		// all.
		List<String> only = List.of(System.getProperty("workshop.labs", "").split(","));
		return LabDocument.all()
			.stream()
			.filter((lab) -> only.equals(List.of(""))
					|| only.stream().anyMatch(lab.file().getFileName().toString()::startsWith))
			.map((lab) -> DynamicContainer.dynamicContainer(lab.file().getFileName().toString(),
					lab.steps()
						.stream()
						.map((step) -> DynamicTest.dynamicTest("line " + step.line(), () -> run(lab, step)))));
	}

	private static void run(LabDocument lab, LabDocument.Step step) throws Exception {
		Path output = Files.createTempFile("workshop-step", ".txt");
		try {
			// In a session of its own, so that what a failed step left running in the
			// background is stopped with it and cannot disturb the next step.
			ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "-eo", "pipefail", "-c", step.script())
				.directory(RunningLab.paths().repo().toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(new File("/dev/null"));
			builder.environment().put("LAB_STATE", RunningLab.paths().state().toString());
			Process bash = builder.start();
			boolean ended = bash.waitFor(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES);
			if (!ended) {
				bash.descendants().forEach(ProcessHandle::destroyForcibly);
				bash.destroyForcibly().waitFor();
			}
			new ProcessBuilder("kill", "-TERM", "--", "-" + bash.pid()).start().waitFor();
			String printed = Files.readString(output);
			List<String> problems = ended ? step.problems(bash.exitValue(), printed)
					: List.of("still running after " + STEP_TIMEOUT_MINUTES + " minutes");
			assertThat(problems)
				.as("%s line %d:%n%s--- output ---%n%s", lab.file().getFileName(), step.line(), step.script(), printed)
				.isEmpty();
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

}
