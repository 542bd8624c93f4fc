package com.example.shop.infra;

import java.util.Map;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * The CDK app's entry point: {@code cdk synth} and {@code cdk deploy} run it (see
 * {@code cdk.json}), and so does {@code ./mvnw -pl infra exec:java}, which writes the
 * CloudFormation templates to {@code infra/cdk.out/} (or to {@code CDK_OUTDIR}) without
 * an AWS account.
 */
public final class OrdersInfraApp {

	private OrdersInfraApp() {
	}

	public static void main(String[] args) {
		App app = newApp();
		OrdersInfra.build(app, InfraSettings.from(app));
		app.synth();
	}

	/**
	 * An app with the feature flags this project relies on, so that no legacy resource
	 * appears (launch configurations above all: new accounts cannot create them).
	 * @return the app
	 */
	public static App newApp() {
		return newApp(System.getenv().getOrDefault("CDK_OUTDIR", "cdk.out"));
	}

	/**
	 * An app that writes its templates to a folder of your choice.
	 * @param outdir where the cloud assembly goes
	 * @return the app
	 */
	public static App newApp(String outdir) {
		return new App(AppProps.builder().outdir(outdir).context(FeatureFlags.ALL).build());
	}

	/** The CDK feature flags, in one place; {@code cdk.json} repeats them for the CLI. */
	static final class FeatureFlags {

		static final Map<String, Object> ALL = Map.of(
				"@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig", true,
				"@aws-cdk/aws-ec2:launchTemplateDefaultUserData", true, "@aws-cdk/aws-ec2:restrictDefaultSecurityGroup",
				true, "@aws-cdk/aws-iam:minimizePolicies", true, "@aws-cdk/core:enablePartitionLiterals", true,
				"@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true,
				"@aws-cdk/aws-rds:databaseProxyUniqueResourceName", true, "@aws-cdk/aws-sqs:dlqRedriveAllowPolicy",
				true);

		private FeatureFlags() {
		}

	}

}
