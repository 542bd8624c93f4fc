package com.example.shop.infra;

import java.util.List;
import java.util.Map;

import com.example.shop.infra.data.DataStack;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS Backup plan of the data stack: a retained, encrypted vault that refuses early
 * deletion, point-in-time backups as long as the database's own and dailies for five
 * weeks, of both the database and the receipts bucket; the dailies copied to another
 * region only when the settings name one.
 */
class BackupPlanTests {

	private final DataStack data = Deployment.infra().data();

	private final Template template = Deployment.template(this.data);

	@Test
	void keepsRecoveryPointsInARetainedVaultUnderAKeyOfItsOwn() {
		String key = single(this.template.findResources("AWS::KMS::Key")).getKey();

		this.template.hasResource("AWS::Backup::BackupVault",
				Map.of("Properties",
						Map.of("BackupVaultName", "Orders-orders-backups", "EncryptionKeyArn",
								Map.of("Fn::GetAtt", List.of(key, "Arn"))),
						"DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
		this.template.hasResource("AWS::KMS::Key", Map.of("Properties", Map.of("EnableKeyRotation", true),
				"DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
	}

	@Test
	void deniesEveryoneDeletingOrShorteningARecoveryPoint() {
		this.template.hasResourceProperties("AWS::Backup::BackupVault",
				Map.of("AccessPolicy", Map.of("Statement",
						List.of(Match.objectLike(Map.of("Effect", "Deny", "Principal", Map.of("AWS", "*"), "Action",
								List.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"),
								"Resource", "*"))))));
	}

	@Test
	void backsUpContinuouslyAsFarBackAsTheDatabaseKeepsItsOwnBackups() {
		this.template.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan",
				Match.objectLike(Map.of("BackupPlanRule", Match.arrayWith(List.of(Match.objectLike(Map.of("RuleName",
						"Continuous", "EnableContinuousBackup", true, "Lifecycle", Map.of("DeleteAfterDays", 7)))))))));
	}

	@Test
	void takesADailySnapshotKeptFiveWeeksClearOfTheDatabaseWindows() {
		Map<String, Object> daily = rule("Daily");

		assertThat(daily).containsEntry("ScheduleExpression", "cron(0 5 * * ? *)")
			.containsEntry("StartWindowMinutes", 60)
			.containsEntry("Lifecycle", Map.of("DeleteAfterDays", 35))
			.doesNotContainKey("EnableContinuousBackup");
	}

	@Test
	void selectsTheDatabaseAndTheReceiptsBucket() {
		Object database = this.data.resolve(this.data.database().getInstanceArn());
		Object bucket = this.data.resolve(this.data.receipts().getBucketArn());

		Map<String, Object> selection = selection();

		assertThat(selection.get("Resources")).asList().containsExactlyInAnyOrder(database, bucket);
	}

	@Test
	void backsUpAndRestoresWithARoleThatMayReadTheBucket() {
		Map<String, Object> trust = Map.of("Statement",
				List.of(Match.objectLike(Map.of("Principal", Map.of("Service", "backup.amazonaws.com")))));
		Map.Entry<String, Map<String, Object>> role = single(this.template.findResources("AWS::IAM::Role",
				Map.of("Properties", Map.of("AssumeRolePolicyDocument", Match.objectLike(trust)))));

		Object policies = NetworkStackTests.properties(role.getValue()).get("ManagedPolicyArns");

		assertThat(selection()).containsEntry("IamRoleArn", Map.of("Fn::GetAtt", List.of(role.getKey(), "Arn")));
		assertThat(policies.toString()).contains("service-role/AWSBackupServiceRolePolicyForBackup",
				"service-role/AWSBackupServiceRolePolicyForRestores", "AWSBackupServiceRolePolicyForS3Backup",
				"AWSBackupServiceRolePolicyForS3Restore");
	}

	@Test
	void namesWhatTheRunbookStartsFrom() {
		assertThat(this.template.findOutputs("*").keySet()).contains("DatabaseInstanceId", "DatabaseSecretArn",
				"ReceiptsBucketName", "BackupVaultName", "BackupRoleArn");
	}

	@Test
	void keepsRecoveryPointsAsLongAsTheSettingsSay() {
		DataStack data = OrdersInfra
			.build(Deployment.newApp(), Deployment.settingsWith(new BackupSettings(14, 90, 30, null)))
			.data();

		Template template = Template.fromStack(data);

		template.hasResourceProperties("AWS::Backup::BackupPlan",
				Map.of("BackupPlan", Match.objectLike(Map.of("BackupPlanRule", List.of(
						Match.objectLike(Map.of("RuleName", "Continuous", "Lifecycle", Map.of("DeleteAfterDays", 14))),
						Match.objectLike(Map.of("RuleName", "Daily", "Lifecycle", Map.of("DeleteAfterDays", 90))))))));
	}

	@Test
	void copiesNothingToAnotherRegionByDefault() {
		assertThat(Deployment.infra().drVault()).isNull();
		assertThat(rule(this.template, "Daily")).doesNotContainKey("CopyActions");
		assertThat(rule(this.template, "Continuous")).doesNotContainKey("CopyActions");
	}

	@Test
	void copiesTheDailiesToAVaultOfItsOwnInTheDisasterRecoveryRegion() {
		OrdersInfra infra = OrdersInfra.build(Deployment.newApp(),
				Deployment.settingsWith(BackupSettings.DEFAULTS.withDrRegion("us-west-2")));

		Template data = Template.fromStack(infra.data());
		Template drVault = Template.fromStack(infra.drVault());

		assertThat(rule(data, "Daily").get("CopyActions")).asList()
			.singleElement()
			.satisfies((copy) -> assertThat(copy.toString()).contains("DeleteAfterDays=35")
				.contains(":backup:us-west-2:", ":backup-vault:Orders-orders-backups-dr"));
		assertThat(rule(data, "Continuous")).doesNotContainKey("CopyActions");
		assertThat(infra.drVault().getRegion()).isEqualTo("us-west-2");
		assertThat(infra.data().getDependencies()).contains(infra.drVault());
		drVault.hasResource("AWS::Backup::BackupVault", Map.of("Properties",
				Map.of("BackupVaultName", "Orders-orders-backups-dr", "EncryptionKeyArn", Match.anyValue(),
						"AccessPolicy",
						Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of("Effect", "Deny")))))),
				"DeletionPolicy", "Retain"));
		drVault.hasResource("AWS::KMS::Key",
				Map.of("Properties", Map.of("EnableKeyRotation", true), "DeletionPolicy", "Retain"));
	}

	private Map<String, Object> rule(String name) {
		return rule(this.template, name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> rule(Template template, String name) {
		Map<String, Object> plan = (Map<String, Object>) NetworkStackTests
			.properties(single(template.findResources("AWS::Backup::BackupPlan")).getValue())
			.get("BackupPlan");
		return ((List<Map<String, Object>>) plan.get("BackupPlanRule")).stream()
			.filter((rule) -> name.equals(rule.get("RuleName")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> selection() {
		return (Map<String, Object>) NetworkStackTests
			.properties(single(this.template.findResources("AWS::Backup::BackupSelection")).getValue())
			.get("BackupSelection");
	}

	private static Map.Entry<String, Map<String, Object>> single(Map<String, Map<String, Object>> resources) {
		assertThat(resources).hasSize(1);
		return resources.entrySet().iterator().next();
	}

}
