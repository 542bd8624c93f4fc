package com.example.shop.load;

import java.nio.file.Path;
import java.util.prefs.Preferences;

import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.config.GatlingConfiguration$;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatling, as configured here, talks to the target and to nobody else, and leaves stdout
 * to the generator's own lines.
 */
class GatlingEngineTests {

	@Test
	void configurationSendsNoWarmUpNoAnalyticsAndWritesNoConsoleBlockOrResults() {
		GatlingConfiguration configuration = GatlingConfiguration$.MODULE$.load();

		assertThat(configuration.http().warmUpUrl().isEmpty()).isTrue();
		assertThat(configuration.data().enableAnalytics()).isFalse();
		assertThat(configuration.data().dataWriters().isEmpty()).isTrue();
		assertThat(configuration.netty().useNativeTransport()).isFalse();
	}

	@Test
	void runsWithoutLookingUpGatlingsLatestReleaseOnMavenCentral(@TempDir Path directory) throws Exception {
		Preferences versionCheck = Preferences.userRoot().node(GatlingVersionCheck.NODE);
		versionCheck.putLong(GatlingVersionCheck.LAST_CHECK_TIMESTAMP, 0);
		versionCheck.putBoolean("lastCheckSuccess", false);
		try (OrdersApiStub api = OrdersApiStub.start((n) -> OrdersApiStub.Answer.created())) {

			LoadRun run = LoadRun.of(directory.resolve("none"), "--target", api.uri().toString(), "--rate", "2",
					"--duration", "1s", "--quiet");

			assertThat(run.exitCode()).isZero();
			assertThat(versionCheck.get("lastCheckSuccess", null)).as("written by Gatling only after a lookup")
				.isEqualTo("true");
			assertThat(run.out()).singleElement().asString().startsWith("total sent=2 2xx=2");
		}
	}

}
