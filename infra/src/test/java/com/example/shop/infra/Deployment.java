package com.example.shop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The whole app, synthesized once per test JVM with demo settings: synthesis starts a
 * node process (jsii), which takes seconds, so every test class shares it. Apps write
 * their cloud assembly under {@code target/}, never into {@code cdk.out/}: the CDK checks
 * that nothing else changes its output folder while it synthesizes.
 */
final class Deployment {

	static final InfraSettings SETTINGS = new InfraSettings("Orders", 1, null, "ami-0123456789abcdef0",
			"ami-0fedcba9876543210", "ops@example.com", true, BackupSettings.DEFAULTS);

	private static OrdersInfra infra;

	private Deployment() {
	}

	/**
	 * The demo settings with other backup settings, for a deployment of its own.
	 * @param backups the backup settings
	 * @return the settings
	 */
	static InfraSettings settingsWith(BackupSettings backups) {
		return new InfraSettings(SETTINGS.prefix(), SETTINGS.natGateways(), SETTINGS.certificateArn(),
				SETTINGS.webAmiId(), SETTINGS.workerAmiId(), SETTINGS.alarmEmail(), SETTINGS.deletionProtection(),
				backups);
	}

	static synchronized OrdersInfra infra() {
		if (infra == null) {
			infra = OrdersInfra.build(newApp(), SETTINGS);
		}
		return infra;
	}

	/**
	 * An app with the project's feature flags and an output folder of its own.
	 * @return the app
	 */
	static App newApp() {
		try {
			Path target = Files.createDirectories(Path.of("target", "cdk-tests"));
			return OrdersInfraApp.newApp(Files.createTempDirectory(target, "app").toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Template template(Stack stack) {
		return Template.fromStack(stack);
	}

}
