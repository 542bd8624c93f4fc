package com.example.shop.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The command line is checked whole before anything is sent: a wrong option is a one-line
 * message, never a half-started run, and a target off this machine needs saying so.
 */
class LoadOptionsTests {

	@Test
	void defaultsToTheLocalLoadBalancer() {
		LoadOptions options = LoadOptions.parse("--rate", "50", "--duration", "30s");

		assertThat(options.target()).isEqualTo(URI.create("http://127.0.0.1:8080"));
		assertThat(options.rate()).isEqualTo(50);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.record()).isNull();
		assertThat(options.quiet()).isFalse();
		assertThat(options.startOnInput()).isFalse();
	}

	@Test
	void readsEveryOptionInEitherSpelling() {
		LoadOptions options = LoadOptions.parse("--target=http://localhost:9090/", "--rate=2.5", "--duration", "2m",
				"--record", "run.jsonl", "--timeout=750ms", "--quiet", "--start-on-input");

		assertThat(options).isEqualTo(new LoadOptions(URI.create("http://localhost:9090"), 2.5, Duration.ofMinutes(2),
				Duration.ofMillis(750), Path.of("run.jsonl"), true, true));
	}

	@ParameterizedTest
	@CsvSource({ "30s, PT30S", "2m, PT2M", "1m30s, PT1M30S", "500ms, PT0.5S", "1h, PT1H" })
	void readsDurationsInTheirUsualForms(String text, Duration expected) {
		assertThat(LoadOptions.duration("--duration", text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "30", "0s", "s", "1x", "1m-", "-5s", "1.5s", "99999999999s" })
	void rejectsDurationsItCannotRead(String text) {
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LoadOptions.parse("--rate", "1", "--duration", text))
			.withMessageContaining("--duration")
			.withMessageContaining(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-5", "abc", "NaN", "Infinity", "" })
	void rejectsRatesThatAreNotAPositiveNumber(String rate) {
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LoadOptions.parse("--rate", rate, "--duration", "1s"))
			.withMessageContaining("--rate must be a number");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "http://127.0.0.1:8080", "http://127.1.2.3", "http://[::1]:8080",
			"https://LOCALHOST" })
	void acceptsLoopbackTargets(String target) {
		assertThat(LoadOptions.parse("--target", target, "--rate", "1", "--duration", "1s").target().getHost())
			.isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://example.com:8080", "http://10.0.0.1:8080", "http://192.168.1.10",
			"http://[2001:db8::1]:8080", "http://127.0.0.1.nip.io", "http://0.0.0.0:8080" })
	void refusesTargetsOffThisMachine(String target) {
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LoadOptions.parse("--target", target, "--rate", "1", "--duration", "1s"))
			.withMessageContaining("not a loopback address")
			.withMessageContaining("--allow-remote");
	}

	@Test
	void acceptsARemoteTargetOnlyWhenAskedTo() {
		LoadOptions options = LoadOptions.parse("--target", "http://10.0.0.1:8080", "--allow-remote", "--rate", "1",
				"--duration", "1s");

		assertThat(options.target()).isEqualTo(URI.create("http://10.0.0.1:8080"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/api", "ftp://127.0.0.1", "127.0.0.1:8080", "http://u:p@localhost",
			"http://localhost?x=1", "http://local host" })
	void rejectsTargetsThatAreNotABaseUrl(String target) {
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LoadOptions.parse("--target", target, "--rate", "1", "--duration", "1s"))
			.withMessageContaining("--target");
	}

	@Test
	void rejectsUnknownOptions() {
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LoadOptions.parse("--rate", "1", "--duration", "1s", "--users", "5"))
			.withMessage("unknown option '--users' (see --help)");
	}

	@Test
	void rejectsAnOptionWithoutItsValue() {
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LoadOptions.parse("--duration", "1s", "--rate"))
			.withMessage("--rate needs a value (see --help)");
	}

	@ParameterizedTest
	@CsvSource({ "--rate, '--duration,1s'", "--duration, '--rate,1'" })
	void requiresRateAndDuration(String missing, String given) {
		assertThatExceptionOfType(InvalidOptionException.class).isThrownBy(() -> LoadOptions.parse(given.split(",")))
			.withMessage(missing + " is required (see --help)");
	}

}
