package com.example.shop.lab.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine;

/**
 * Durations as people write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1m30s}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

	@Override
	public Duration convert(String text) {
		Matcher matcher = PART.matcher(text.trim().toLowerCase(Locale.ROOT));
		Duration total = Duration.ZERO;
		int end = 0;
		while (matcher.find() && matcher.start() == end) {
			long amount = Long.parseLong(matcher.group(1));
			total = total.plus(switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			});
			end = matcher.end();
		}
		if (end == 0 || end != text.trim().length() || total.isZero()) {
			throw new CommandLine.TypeConversionException("not a duration: " + text + " (use 500ms, 30s, 2m)");
		}
		return total;
	}

}
