package com.example.shop.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's sources stay in the shape the style guide asks for, so that an instructor or
 * a presenter who adds a fault, a scenario or a lab finds their room at once: every
 * package says what it is for, none holds more than 20 classes, no file is longer than
 * 300 lines.
 */
class LayoutTests {

	private static final Path SOURCES = Path.of("src/main/java/com/example/shop/lab");

	@Test
	void everyPackageSaysWhatItIsFor() throws IOException {
		for (Path folder : packages()) {
			assertThat(folder.resolve("package-info.java")).as("package-info.java of %s", folder).exists();
		}
	}

	@Test
	void noPackageHoldsMoreThanTwentyClasses() throws IOException {
		Map<Path, Long> classes;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			classes = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.getFileName().toString().equals("package-info.java"))
				.collect(Collectors.groupingBy(Path::getParent, Collectors.counting()));
		}
		assertThat(classes).isNotEmpty()
			.allSatisfy((folder, count) -> assertThat(count).as("%s", folder).isLessThanOrEqualTo(20));
	}

	@Test
	void noFileIsLongerThanThreeHundredLines() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				assertThat(Files.readAllLines(file)).as("%s", file).hasSizeLessThanOrEqualTo(300);
			}
		}
	}

	private static List<Path> packages() throws IOException {
		try (Stream<Path> folders = Files.walk(SOURCES)) {
			return folders.filter(Files::isDirectory).toList();
		}
	}

}
