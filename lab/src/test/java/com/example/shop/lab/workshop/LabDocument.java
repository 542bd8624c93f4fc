package com.example.shop.lab.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workshop lab in {@code docs/labs/}, read as its test reads it: every {@code ```bash}
 * block is a step to execute, and the HTML comments right after a block say what must
 * come of it ({@code <!-- expect: exit=3 -->}, {@code <!-- expect: /regex/ -->}), so that
 * a lab whose commands or stated observations no longer match the system fails its test.
 * Markdown renderers hide the comments; readers see the commands and the annotated
 * output.
 *
 * @param file the lab
 * @param steps its commands, in order
 * @param links its relative links, e.g.
 * {@code ../../web/src/.../OrderService.java#L71-L95}
 */
public record LabDocument(Path file, List<Step> steps, List<String> links) {

	/** Where the labs are, seen from the lab module. */
	static final Path LABS = Path.of("..", "docs", "labs");

	private static final Pattern EXPECT = Pattern.compile("<!--\\s*expect:\\s*(.+?)\\s*-->");

	private static final Pattern LINK = Pattern.compile("\\]\\((?!https?:|#|mailto:)([^)\\s]+)\\)");

	/**
	 * The eight labs, in their order.
	 * @return each lab, read
	 * @throws IOException if the folder cannot be listed
	 */
	public static List<LabDocument> all() throws IOException {
		try (java.util.stream.Stream<Path> files = Files.list(LABS)) {
			return files.filter((file) -> file.getFileName().toString().matches("\\d\\d-.+\\.md"))
				.sorted()
				.map(LabDocument::read)
				.toList();
		}
	}

	static LabDocument read(Path file) {
		try {
			return parse(file, Files.readAllLines(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static LabDocument parse(Path file, List<String> lines) {
		List<Step> steps = new ArrayList<>();
		List<String> links = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			String line = lines.get(i);
			if (line.strip().equals("```bash")) {
				int start = i + 2;
				StringBuilder script = new StringBuilder();
				i++;
				while (i < lines.size() && !lines.get(i).strip().equals("```")) {
					script.append(lines.get(i)).append('\n');
					i++;
				}
				if (i == lines.size()) {
					throw new IllegalArgumentException(file + ":" + start + ": a bash block is not closed");
				}
				i++;
				int exit = 0;
				List<Pattern> patterns = new ArrayList<>();
				while (i < lines.size() && (lines.get(i).isBlank() || EXPECT.matcher(lines.get(i)).find())) {
					Matcher expect = EXPECT.matcher(lines.get(i));
					if (expect.find()) {
						String what = expect.group(1);
						if (what.startsWith("exit=")) {
							exit = Integer.parseInt(what.substring("exit=".length()));
						}
						else if (what.length() > 2 && what.startsWith("/") && what.endsWith("/")) {
							patterns.add(Pattern.compile(what.substring(1, what.length() - 1)));
						}
						else {
							throw new IllegalArgumentException(
									file + ":" + (i + 1) + ": an expectation is exit=N or /regex/, not " + what);
						}
					}
					i++;
				}
				steps.add(new Step(start, script.toString(), exit, patterns));
				continue;
			}
			Matcher link = LINK.matcher(line);
			while (link.find()) {
				links.add(link.group(1));
			}
			i++;
		}
		return new LabDocument(file, steps, links);
	}

	/**
	 * One {@code ```bash} block.
	 *
	 * @param line where its commands start in the file, 1-based
	 * @param script the commands
	 * @param exit the exit code it must end with
	 * @param expected what its output must contain
	 */
	public record Step(int line, String script, int exit, List<Pattern> expected) {

		/**
		 * What is wrong with an outcome, if anything.
		 * @param actualExit how it ended
		 * @param output its standard output and error
		 * @return the problems, none if the step did what the lab says
		 */
		public List<String> problems(int actualExit, String output) {
			List<String> problems = new ArrayList<>();
			if (actualExit != this.exit) {
				problems.add("exit " + actualExit + ", the lab expects " + this.exit);
			}
			this.expected.stream()
				.filter((pattern) -> !pattern.matcher(output).find())
				.forEach((pattern) -> problems.add("no match for /" + pattern + "/"));
			return problems;
		}

	}

}
