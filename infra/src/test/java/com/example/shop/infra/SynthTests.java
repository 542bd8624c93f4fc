package com.example.shop.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app writes one CloudFormation template per stack, offline, and without legacy
 * resources; {@code cdk.json} carries the same feature flags for the CDK CLI.
 */
class SynthTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void writesOneTemplatePerStackWithoutLaunchConfigurations(@TempDir Path outdir) throws Exception {
		App app = OrdersInfraApp.newApp(outdir.toString());
		OrdersInfra.build(app, Deployment.SETTINGS);

		app.synth();

		for (String stack : new String[] { "Network", "Data", "Web", "Worker", "Observability", "Faults" }) {
			Path template = outdir.resolve("Orders-" + stack + ".template.json");
			assertThat(template).exists();
			assertThat(Files.readString(template)).doesNotContain("AWS::AutoScaling::LaunchConfiguration");
		}
	}

	@Test
	void writesTheDisasterRecoveryVaultForItsOwnRegionWhenOneIsNamed(@TempDir Path outdir) throws Exception {
		App app = OrdersInfraApp.newApp(outdir.toString());
		OrdersInfra.build(app, Deployment.settingsWith(BackupSettings.DEFAULTS.withDrRegion("us-west-2")));

		app.synth();

		JsonNode manifest = JSON.readTree(outdir.resolve("manifest.json").toFile());
		assertThat(manifest.at("/artifacts/Orders-DrVault/environment").asString())
			.isEqualTo("aws://unknown-account/us-west-2");
		assertThat(manifest.at("/artifacts/Orders-Data/dependencies").toString()).contains("Orders-DrVault");
		assertThat(Files.readString(outdir.resolve("Orders-DrVault.template.json")))
			.contains("AWS::Backup::BackupVault");
	}

	@Test
	void cdkJsonHasTheSameFeatureFlagsAsTheApp() {
		JsonNode context = JSON.readTree(Path.of("cdk.json").toFile()).get("context");

		Map<String, Object> flags = JSON.convertValue(context, Map.class);

		assertThat(flags).isEqualTo(OrdersInfraApp.FeatureFlags.ALL);
	}

}
