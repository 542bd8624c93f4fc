package com.example.shop.deploy.aws;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DurationConverterTests {

	private final DurationConverter converter = new DurationConverter();

	@Test
	void readsSecondsMinutesAndHours() {
		assertThat(this.converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.converter.convert("1h")).isEqualTo(Duration.ofHours(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "5", "1.5m", "PT5M", "5d", "-5s", "", "5 m" })
	void rejectsAnythingElseSayingHowToWriteIt(String value) {
		assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> this.converter.convert(value))
			.withMessageContaining("write a whole number and s, m or h");
	}

}
