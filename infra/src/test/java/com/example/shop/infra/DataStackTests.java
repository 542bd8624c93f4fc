package com.example.shop.infra;

import java.util.List;
import java.util.Map;

import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.network.NetworkStack;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data stack: a Multi-AZ, encrypted, backed-up PostgreSQL reachable only from the
 * instances, a queue that parks poison messages, and a private, versioned, logged bucket.
 */
class DataStackTests {

	private final DataStack data = Deployment.infra().data();

	private final Template template = Deployment.template(this.data);

	@Test
	void runsAPinnedPostgresqlMultiAzWithEncryptionBackupsAndInsights() {
		Map<String, Object> expected = Map.ofEntries(Map.entry("Engine", "postgres"),
				Map.entry("EngineVersion", "17.6"), Map.entry("AutoMinorVersionUpgrade", false),
				Map.entry("DBInstanceClass", "db.t4g.medium"), Map.entry("MultiAZ", true),
				Map.entry("StorageEncrypted", true), Map.entry("DeletionProtection", true),
				Map.entry("BackupRetentionPeriod", 7), Map.entry("EnablePerformanceInsights", true),
				Map.entry("PerformanceInsightsRetentionPeriod", 7),
				Map.entry("EnableCloudwatchLogsExports", List.of("postgresql")), Map.entry("Port", "5432"));

		this.template.hasResourceProperties("AWS::RDS::DBInstance", expected);
	}

	@Test
	void backsUpInAFixedWindowBeforeMaintenanceAndTagsItsSnapshots() {
		this.template.hasResourceProperties("AWS::RDS::DBInstance", Map.of("PreferredBackupWindow", "03:00-03:30",
				"PreferredMaintenanceWindow", "Sun:04:00-Sun:04:30", "CopyTagsToSnapshot", true));
	}

	@Test
	void keepsTheAutomatedBackupsOfADeletedInstance() {
		this.template.hasResourceProperties("AWS::RDS::DBInstance", Map.of("DeleteAutomatedBackups", false));
	}

	@Test
	void takesTheRetentionPeriodsFromTheSettings() {
		OrdersInfra infra = OrdersInfra.build(Deployment.newApp(),
				Deployment.settingsWith(new BackupSettings(14, 35, 60, null)));

		Template template = Template.fromStack(infra.data());

		template.hasResourceProperties("AWS::RDS::DBInstance", Map.of("BackupRetentionPeriod", 14));
		template.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules",
				List.of(Match.objectLike(Map.of("NoncurrentVersionExpiration", Map.of("NoncurrentDays", 60)))))));
	}

	@Test
	void leavesTheDatabaseDeletableWhenTheSettingsSaySo() {
		App app = Deployment.newApp();
		InfraSettings disposable = new InfraSettings("Lab", 1, null, "ami-0123456789abcdef0", "ami-0fedcba9876543210",
				null, false, BackupSettings.DEFAULTS);
		NetworkStack network = new NetworkStack(app, "Lab-Network", StackProps.builder().build(), disposable);

		DataStack data = new DataStack(app, "Lab-Data", StackProps.builder().build(), disposable, network);

		Template.fromStack(data).hasResourceProperties("AWS::RDS::DBInstance", Map.of("DeletionProtection", false));
	}

	@Test
	void keepsASnapshotWhenTheDatabaseIsRemoved() {
		this.template.hasResource("AWS::RDS::DBInstance",
				Map.of("DeletionPolicy", "Snapshot", "UpdateReplacePolicy", "Snapshot"));
	}

	@Test
	void placesTheDatabaseInTheIsolatedSubnets() {
		Map<String, Map<String, Object>> groups = this.template.findResources("AWS::RDS::DBSubnetGroup");

		assertThat(groups).hasSize(1);
		assertThat(groups.values().iterator().next().toString()).contains("databaseSubnet");
	}

	@Test
	void admitsPostgresqlOnlyFromTheWebWorkerAndRotationGroups() {
		Map<String, Map<String, Object>> ingress = this.template.findResources("AWS::EC2::SecurityGroupIngress");

		assertThat(ingress.values()).map(NetworkStackTests::properties)
			.map((rule) -> source(rule) + ":" + rule.get("FromPort") + "-" + rule.get("ToPort"))
			.containsExactlyInAnyOrder("WebInstances:5432-5432", "WorkerInstances:5432-5432",
					"SecretRotation:" + databasePort() + "-" + databasePort());
		assertThat(this.template.findResources("AWS::EC2::SecurityGroup").values().toString())
			.doesNotContain("0.0.0.0/0");
	}

	/** The rotation rule names the port through the database's endpoint: 5432 as well. */
	private Map<String, Object> databasePort() {
		String database = this.template.findResources("AWS::RDS::DBInstance").keySet().iterator().next();
		return Map.of("Fn::GetAtt", List.of(database, "Endpoint.Port"));
	}

	private static String source(Map<String, Object> rule) {
		String source = String.valueOf(rule.get("SourceSecurityGroupId"));
		return List.of("WebInstances", "WorkerInstances", "SecretRotation")
			.stream()
			.filter(source::contains)
			.findFirst()
			.orElse(source);
	}

	@Test
	void keepsCredentialsInSecretsManagerAndRotatesThemMonthly() {
		this.template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("GenerateSecretString",
				Match.objectLike(Map.of("SecretStringTemplate", "{\"username\":\"orders\"}"))));
		this.template.hasResourceProperties("AWS::SecretsManager::RotationSchedule",
				Map.of("RotationRules", Map.of("ScheduleExpression", "rate(30 days)")));
	}

	@Test
	void encryptsTheQueuesAndParksMessagesAfterFiveFailures() {
		this.template.resourcePropertiesCountIs("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true), 2);
		this.template.hasResourceProperties("AWS::SQS::Queue",
				Map.of("QueueName", "Orders-orders", "ReceiveMessageWaitTimeSeconds", 20, "VisibilityTimeout", 60,
						"MessageRetentionPeriod", 345600, "RedrivePolicy",
						Map.of("deadLetterTargetArn", Match.anyValue(), "maxReceiveCount", 5)));
	}

	@Test
	void letsOnlyTheOrdersQueueRedriveIntoTheDeadLetterQueue() {
		Map<String, Map<String, Object>> deadLetters = this.template.findResources("AWS::SQS::Queue",
				Map.of("Properties", Map.of("QueueName", "Orders-orders-dlq", "MessageRetentionPeriod", 1209600)));

		assertThat(deadLetters).hasSize(1);
		Map<String, Object> policy = redriveAllowPolicy(deadLetters.values().iterator().next());
		assertThat(policy).containsEntry("redrivePermission", "byQueue");
		assertThat(policy.get("sourceQueueArns")).asList()
			.singleElement()
			.satisfies((arn) -> assertThat(arn.toString()).contains(":sqs:").endsWith(":Orders-orders]]}"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> redriveAllowPolicy(Map<String, Object> queue) {
		return (Map<String, Object>) NetworkStackTests.properties(queue).get("RedriveAllowPolicy");
	}

	@Test
	void deniesQueueRequestsWithoutTls() {
		this.template
			.resourcePropertiesCountIs("AWS::SQS::QueuePolicy",
					Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map
						.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))),
					2);
	}

	@Test
	void keepsReceiptsVersionedEncryptedPrivateAndLogged() {
		Map<String, Object> encryption = Map.of("ServerSideEncryptionConfiguration",
				List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))));
		Map<String, Object> blocked = Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls",
				true, "RestrictPublicBuckets", true);
		Map<String, Object> ownership = Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")));
		Map<String, Object> logging = Map.of("DestinationBucketName", Match.anyValue(), "LogFilePrefix", "receipts/");
		Object lifecycle = Map.of("Rules",
				List.of(Match.objectLike(Map.of("NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30),
						"AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7), "Status", "Enabled"))));

		this.template.hasResourceProperties("AWS::S3::Bucket",
				Map.of("VersioningConfiguration", Map.of("Status", "Enabled"), "BucketEncryption", encryption,
						"PublicAccessBlockConfiguration", blocked, "OwnershipControls", ownership,
						"LoggingConfiguration", logging, "LifecycleConfiguration", lifecycle));
	}

	@Test
	void retainsBothBucketsWhenTheStackIsDeleted() {
		Map<String, Map<String, Object>> buckets = this.template.findResources("AWS::S3::Bucket");

		assertThat(buckets).hasSize(2);
		assertThat(buckets.values())
			.allSatisfy((bucket) -> assertThat(bucket).containsEntry("DeletionPolicy", "Retain"));
	}

	@Test
	void expiresAccessLogsAfterNinetyDays() {
		this.template.hasResourceProperties("AWS::S3::Bucket", Map.of("BucketEncryption", Match.anyValue(),
				"PublicAccessBlockConfiguration", Match.anyValue(), "LifecycleConfiguration",
				Map.of("Rules", List.of(Match.objectLike(Map.of("ExpirationInDays", 90, "Status", "Enabled"))))));
	}

	@Test
	void deniesBucketRequestsWithoutTls() {
		this.template
			.resourcePropertiesCountIs("AWS::S3::BucketPolicy",
					Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map
						.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))),
					2);
	}

	@Test
	void awsSolutionsChecksFindNothingUnsuppressed() {
		Annotations annotations = Annotations.fromStack(this.data);

		List<SynthesisMessage> errors = annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
		List<SynthesisMessage> warnings = annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));

		assertThat(errors).map(NetworkStackTests::describe).isEmpty();
		assertThat(warnings).map(NetworkStackTests::describe).isEmpty();
	}

}
