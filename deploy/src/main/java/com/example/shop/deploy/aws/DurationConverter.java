package com.example.shop.deploy.aws;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations the way people write them on a command line: {@code 30s}, {@code 5m},
 * {@code 1h}. Nothing finer or mixed is needed for the pace of a deployment.
 */
final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

	@Override
	public Duration convert(String value) {
		Matcher matcher = DURATION.matcher(value.strip());
		if (!matcher.matches()) {
			throw new TypeConversionException(
					"'" + value + "' is not a duration: write a whole number and s, m or h, e.g. 30s or 5m");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

}
