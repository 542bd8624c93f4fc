package com.example.shop.lab.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eight workshop labs, without running them ({@code WorkshopLabsIT} does): each has
 * every part an attendee needs, at least one command, and links that lead to files and
 * lines that exist.
 */
class WorkshopLabsTests {

	private static final List<String> SECTIONS = List.of("**Hypothesis", "## Steps", "## What you should see",
			"## Why it happened", "## Think about it", "## On AWS");

	private static final Pattern LINES = Pattern.compile("#L(\\d+)(?:-L(\\d+))?$");

	static List<Path> labs() throws IOException {
		return LabDocument.all().stream().map(LabDocument::file).toList();
	}

	@Test
	void thereAreEightLabsEachWithEveryPart() throws IOException {
		assertThat(labs()).hasSize(8);
		for (Path lab : labs()) {
			String text = Files.readString(lab);
			int at = -1;
			for (String section : SECTIONS) {
				int found = text.indexOf(section);
				assertThat(found).as("%s has %s after the previous part", lab.getFileName(), section).isGreaterThan(at);
				at = found;
			}
			assertThat(LabDocument.read(lab).steps()).as("%s has commands", lab.getFileName()).isNotEmpty();
		}
	}

	@Test
	void everyLinkLeadsToAFileAndLinesThatExist() throws IOException {
		for (Path lab : Stream.concat(labs().stream(), Stream.of(LabDocument.LABS.resolve("README.md"))).toList()) {
			for (String link : LabDocument.read(lab).links()) {
				String path = link.replaceFirst("#.*$", "");
				Path target = lab.getParent().resolve(path).normalize();
				assertThat(target).as("%s links to %s", lab.getFileName(), link).exists();
				Matcher lines = LINES.matcher(link);
				if (lines.find()) {
					long count;
					try (Stream<String> content = Files.lines(target)) {
						count = content.count();
					}
					int last = Integer.parseInt((lines.group(2) != null) ? lines.group(2) : lines.group(1));
					assertThat(last).as("%s links to %s, which has %d lines", lab.getFileName(), link, count)
						.isLessThanOrEqualTo((int) count);
				}
			}
		}
	}

}
