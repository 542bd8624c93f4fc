package com.example.shop.infra;

import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.App;

/**
 * What differs between deployments of the same app, read from the CDK context
 * ({@code cdk deploy -c webAmiId=ami-… -c natGateways=3}). Everything else is decided in
 * the stacks, so that a demo and a production deployment have the same shape.
 *
 * @param prefix put before every stack name, so that several deployments can share an
 * account
 * @param natGateways NAT gateways: 1 for a cheap demo, one per AZ (3) for production
 * @param certificateArn an ACM certificate for the HTTPS listener; without one the load
 * balancer serves plain HTTP (demos only)
 * @param webAmiId the baked web AMI (from the Packer step)
 * @param workerAmiId the baked worker AMI
 * @param alarmEmail where alarms are sent, if anywhere
 * @param deletionProtection keep the database from being deleted with its stack
 * @param backups how long data is kept for recovery, and where a disaster copy goes
 */
public record InfraSettings(String prefix, int natGateways, @Nullable String certificateArn, String webAmiId,
		String workerAmiId, @Nullable String alarmEmail, boolean deletionProtection, BackupSettings backups) {

	/** Placeholder AMIs: synthesizing works without a bake, deploying needs real ones. */
	static final String NO_AMI = "ami-00000000000000000";

	/**
	 * The settings in the app's context, with defaults for a demo.
	 * @param app the CDK app
	 * @return the settings
	 */
	public static InfraSettings from(App app) {
		return new InfraSettings(text(app, "prefix", "Orders"), Integer.parseInt(text(app, "natGateways", "1")),
				optional(app, "certificateArn"), text(app, "webAmiId", NO_AMI), text(app, "workerAmiId", NO_AMI),
				optional(app, "alarmEmail"), Boolean.parseBoolean(text(app, "deletionProtection", "true")),
				backups(app));
	}

	private static BackupSettings backups(App app) {
		BackupSettings defaults = BackupSettings.DEFAULTS;
		return new BackupSettings(number(app, "backupRetentionDays", defaults.retentionDays()),
				number(app, "vaultRetentionDays", defaults.vaultRetentionDays()),
				number(app, "noncurrentVersionDays", defaults.noncurrentVersionDays()), optional(app, "drRegion"));
	}

	private static int number(App app, String key, int fallback) {
		return Integer.parseInt(text(app, key, Integer.toString(fallback)));
	}

	private static String text(App app, String key, String fallback) {
		String value = optional(app, key);
		return (value != null) ? value : fallback;
	}

	private static @Nullable String optional(App app, String key) {
		Object value = app.getNode().tryGetContext(key);
		return (value != null && !value.toString().isBlank()) ? value.toString() : null;
	}

}
