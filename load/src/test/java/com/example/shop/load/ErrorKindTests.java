package com.example.shop.load;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatling does not say why a request failed, so a failure is a timeout when it took
 * (about) the whole timeout, and a connection failure when it came sooner.
 */
class ErrorKindTests {

	@ParameterizedTest
	@CsvSource({ "1, CONN", "4000, CONN", "4600, TIMEOUT", "5000, TIMEOUT", "5040, TIMEOUT" })
	void tellsTimeoutsFromConnectionFailuresByHowLongTheyTook(long elapsedMs, ErrorKind expected) {
		assertThat(ErrorKind.of(Duration.ofMillis(elapsedMs), Duration.ofSeconds(5))).isEqualTo(expected);
	}

}
