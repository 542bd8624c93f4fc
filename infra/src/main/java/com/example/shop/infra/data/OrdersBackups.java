package com.example.shop.infra.data;

import java.util.List;

import com.example.shop.infra.BackupSettings;
import com.example.shop.infra.InfraSettings;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanCopyActionProps;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.backup.BackupSelectionOptions;
import software.amazon.awscdk.services.backup.BackupVault;
import software.amazon.awscdk.services.events.CronOptions;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * AWS Backup for the database and the receipts bucket, in a vault of their own: recovery
 * points that live apart from the resources they protect, under a key of their own, and
 * that expire only by their lifecycle (the vault's policy denies deleting them, or
 * shortening their life, to every principal; the vault and its key outlive the stack).
 * Two rules, because the two kinds of backup answer different losses (docs/recovery.md):
 * <ul>
 * <li>{@code Continuous}: point-in-time restore, to the second, of the database and the
 * bucket. For RDS this is the instance's own automated backups, which AWS Backup takes
 * over; so its retention is the database's, {@link BackupSettings#retentionDays()}, and
 * the template and the instance keep agreeing on it.</li>
 * <li>{@code Daily}: a snapshot of both a day, kept
 * {@link BackupSettings#vaultRetentionDays()} days, for a loss noticed after the
 * point-in-time window has passed it by; copied to another region's vault
 * ({@link DrVaultStack}) when the settings name one.</li>
 * </ul>
 */
final class OrdersBackups extends Construct {

	/**
	 * 05:00 UTC, within an hour: clear of the database's own backup window (03:00-03:30)
	 * and its Sunday maintenance (04:00-04:30), so that the snapshot never competes with
	 * either.
	 */
	private static final Schedule DAILY = Schedule.cron(CronOptions.builder().minute("0").hour("5").build());

	private static final Duration START_WITHIN = Duration.hours(1);

	/**
	 * A snapshot of a 20-100 GB instance takes minutes; hours is a failure worth a
	 * report.
	 */
	private static final Duration COMPLETE_WITHIN = Duration.hours(4);

	/**
	 * What AWS Backup may do as this selection's role. RDS is covered by the general
	 * backup and restore policies; S3 needs the two AWS publishes for buckets.
	 */
	private static final List<String> MANAGED_POLICIES = List.of("service-role/AWSBackupServiceRolePolicyForBackup",
			"service-role/AWSBackupServiceRolePolicyForRestores", "AWSBackupServiceRolePolicyForS3Backup",
			"AWSBackupServiceRolePolicyForS3Restore");

	private final BackupVault vault;

	private final Role role;

	OrdersBackups(Construct scope, String id, InfraSettings settings, DatabaseInstance database, IBucket receipts) {
		super(scope, id);
		BackupSettings backups = settings.backups();
		this.vault = vault(settings.prefix());
		BackupPlan plan = BackupPlan.Builder.create(this, "Plan")
			.backupPlanName(settings.prefix() + "-orders")
			.backupVault(this.vault)
			.build();
		plan.addRule(BackupPlanRule.Builder.create()
			.ruleName("Continuous")
			.enableContinuousBackup(true)
			.scheduleExpression(DAILY)
			.startWindow(START_WITHIN)
			.completionWindow(COMPLETE_WITHIN)
			.deleteAfter(Duration.days(backups.retentionDays()))
			.build());
		BackupPlanRule.Builder daily = BackupPlanRule.Builder.create()
			.ruleName("Daily")
			.scheduleExpression(DAILY)
			.startWindow(START_WITHIN)
			.completionWindow(COMPLETE_WITHIN)
			.deleteAfter(Duration.days(backups.vaultRetentionDays()));
		if (backups.drRegion() != null) {
			daily.copyActions(List.of(copyTo(backups.drRegion(), settings.prefix(), backups.vaultRetentionDays())));
		}
		plan.addRule(daily.build());
		this.role = serviceRole();
		plan.addSelection("DatabaseAndReceipts",
				BackupSelectionOptions.builder()
					.backupSelectionName("database-and-receipts")
					.role(this.role)
					.disableDefaultBackupPolicy(true)
					.resources(List.of(BackupResource.fromRdsDatabaseInstance(database),
							BackupResource.fromArn(receipts.getBucketArn())))
					.build());
	}

	/**
	 * A copy of each daily recovery point in the vault of {@link DrVaultStack}, in the
	 * disaster-recovery region, kept as long as the original. Only the dailies: a copy of
	 * a continuous backup is a snapshot anyway, without its point-in-time restore.
	 */
	private BackupPlanCopyActionProps copyTo(String region, String prefix, int days) {
		String arn = Stack.of(this)
			.formatArn(ArnComponents.builder()
				.service("backup")
				.region(region)
				.resource("backup-vault")
				.resourceName(DrVaultStack.vaultName(prefix))
				.arnFormat(ArnFormat.COLON_RESOURCE_NAME)
				.build());
		return BackupPlanCopyActionProps.builder()
			.destinationBackupVault(BackupVault.fromBackupVaultArn(this, "DrVault", arn))
			.deleteAfter(Duration.days(days))
			.build();
	}

	private BackupVault vault(String prefix) {
		Key key = Key.Builder.create(this, "VaultKey")
			.description("Encrypts the recovery points in the orders backup vault")
			.enableKeyRotation(true)
			.removalPolicy(RemovalPolicy.RETAIN)
			.build();
		return BackupVault.Builder.create(this, "Vault")
			.backupVaultName(prefix + "-orders-backups")
			.encryptionKey(key)
			.blockRecoveryPointDeletion(true)
			.removalPolicy(RemovalPolicy.RETAIN)
			.build();
	}

	private Role serviceRole() {
		List<IManagedPolicy> policies = MANAGED_POLICIES.stream().map(ManagedPolicy::fromAwsManagedPolicyName).toList();
		Role role = Role.Builder.create(this, "Role")
			.assumedBy(new ServicePrincipal("backup.amazonaws.com"))
			.description("AWS Backup: backs up and restores the orders database and receipts bucket")
			.managedPolicies(policies)
			.build();
		NagSuppressions.addResourceSuppressions(role,
				List.of(NagPackSuppression.builder()
					.id("AwsSolutions-IAM4")
					.reason("AWS Backup's own service-role policies, the ones its documentation names for RDS and S3; "
							+ "AWS keeps them in step with what each service's backup and restore call.")
					.appliesTo(MANAGED_POLICIES.stream()
						.map((name) -> "Policy::arn:<AWS::Partition>:iam::aws:policy/" + name)
						.toList())
					.build()),
				true);
		return role;
	}

	BackupVault vault() {
		return this.vault;
	}

	Role role() {
		return this.role;
	}

}
