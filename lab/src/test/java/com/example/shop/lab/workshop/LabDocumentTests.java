package com.example.shop.lab.workshop;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How a lab document is read: its bash blocks and the expectations after each, and its
 * links.
 */
class LabDocumentTests {

	@Test
	void readsEachBashBlockWithTheExpectationsThatFollowIt() {
		LabDocument lab = LabDocument.parse(Path.of("lab.md"),
				List.of("# Lab", "See [the code](../../Foo.java#L3-L5).", "```bash", "bin/lab status", "bin/lab order",
						"```", "", "<!-- expect: /database primary: db-a/ -->", "<!-- expect: exit=3 -->", "text",
						"```text", "not run", "```", "```bash", "true", "```"));

		assertThat(lab.steps()).hasSize(2);
		LabDocument.Step first = lab.steps().getFirst();
		assertThat(first.script()).isEqualTo("bin/lab status\nbin/lab order\n");
		assertThat(first.line()).isEqualTo(4);
		assertThat(first.exit()).isEqualTo(3);
		assertThat(first.expected()).extracting(Object::toString).containsExactly("database primary: db-a");
		assertThat(lab.steps().get(1).exit()).isZero();
		assertThat(lab.steps().get(1).expected()).isEmpty();
		assertThat(lab.links()).containsExactly("../../Foo.java#L3-L5");
	}

	@Test
	void aStepFailsOnTheWrongExitOrAMissingObservation() {
		LabDocument.Step step = LabDocument
			.parse(Path.of("lab.md"), List.of("```bash", "x", "```", "<!-- expect: /orders-dlq: \\d+ message/ -->"))
			.steps()
			.getFirst();

		assertThat(step.problems(0, "queue orders-dlq: 3 message(s)")).isEmpty();
		assertThat(step.problems(1, "queue orders-dlq: 3 message(s)")).containsExactly("exit 1, the lab expects 0");
		assertThat(step.problems(0, "queue orders: 0")).hasSize(1);
	}

	@Test
	void refusesAnExpectationItCannotCheck() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> LabDocument.parse(Path.of("lab.md"), List.of("```bash", "x", "```", "<!-- expect: fine -->")))
			.withMessageContaining("lab.md:4");
	}

}
