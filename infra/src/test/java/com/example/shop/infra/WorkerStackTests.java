package com.example.shop.infra;

import java.util.List;
import java.util.Map;

import com.example.shop.infra.worker.WorkerStack;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import static com.example.shop.infra.WebStackTests.actionsOnEveryResource;
import static com.example.shop.infra.WebStackTests.exported;
import static com.example.shop.infra.WebStackTests.findings;
import static com.example.shop.infra.WebStackTests.objectsUnder;
import static com.example.shop.infra.WebStackTests.ref;
import static com.example.shop.infra.WebStackTests.resourcesAllowing;
import static com.example.shop.infra.WebStackTests.statements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker stack: scaled on backlog per instance, drained on scale-in, launched like
 * the web instances, and allowed to reach only its queue, its receipts and its secret.
 */
class WorkerStackTests {

	private static final OrdersInfra infra = WebStackTests.infra();

	private static final WorkerStack worker = infra.worker();

	/** Synthesized once: each synthesis of the shared app takes seconds. */
	private static final Template template = Template.fromStack(worker);

	@Test
	void scalesOnMessagesVisiblePerWorkerInService() {
		Object queueName = exported(infra.data(), infra.data().orders(), "QueueName");
		Map<String, String> group = ref(worker, worker.workers());

		template
			.hasResourceProperties("AWS::AutoScaling::ScalingPolicy",
					Map.of("AutoScalingGroupName", group, "PolicyType", "TargetTrackingScaling",
							"TargetTrackingConfiguration", Map
								.of("TargetValue", 100, "CustomizedMetricSpecification",
										Map.of("Metrics", List.of(
												Map.of("Id", "visible", "ReturnData", false, "MetricStat", Map.of(
														"Stat", "Sum", "Metric",
														Map.of("Namespace", "AWS/SQS", "MetricName",
																"ApproximateNumberOfMessagesVisible", "Dimensions",
																List.of(Map.of("Name", "QueueName", "Value",
																		queueName))))),
												Map.of("Id", "inService", "ReturnData", false, "MetricStat",
														Map.of("Stat", "Average", "Metric",
																Map.of("Namespace", "AWS/AutoScaling", "MetricName",
																		"GroupInServiceInstances", "Dimensions",
																		List.of(Map.of("Name", "AutoScalingGroupName",
																				"Value", group))))),
												Match.objectLike(Map.of("Id", "backlogPerInstance", "Expression",
														"visible / inService", "ReturnData", true)))))));
	}

	@Test
	void collectsTheGroupMetricTheScalingDividesBy() {
		template.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup",
				Map.of("MetricsCollection", List.of(Map.of("Granularity", "1Minute"))));
	}

	@Test
	void givesADrainingWorkerAMinuteBeforeTerminationContinues() {
		template.hasResourceProperties("AWS::AutoScaling::LifecycleHook",
				Map.of("AutoScalingGroupName", ref(worker, worker.workers()), "LifecycleTransition",
						"autoscaling:EC2_INSTANCE_TERMINATING", "HeartbeatTimeout", 60, "DefaultResult", "CONTINUE"));
	}

	@Test
	void spreadsOneToSixWorkersOverThreeZones() {
		Capture subnets = new Capture();

		template.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup",
				Map.of("MinSize", "1", "MaxSize", "6", "VPCZoneIdentifier", subnets));

		assertThat(subnets.asArray()).hasSize(3).doesNotHaveDuplicates();
	}

	@Test
	void launchTemplateRequiresImdsv2AndEncryptsTheRootVolume() {
		template.hasResourceProperties("AWS::EC2::LaunchTemplate",
				Map.of("LaunchTemplateData",
						Match.objectLike(Map.of("ImageId", Map.of("Ref", "WorkerAmiId"), "MetadataOptions",
								Map.of("HttpTokens", "required", "HttpPutResponseHopLimit", 1), "BlockDeviceMappings",
								List.of(Map.of("DeviceName", "/dev/xvda", "Ebs",
										Map.of("Encrypted", true, "VolumeType", "gp3", "VolumeSize", 16)))))));
		template.hasParameter("WorkerAmiId", Map.of("Type", "AWS::EC2::Image::Id", "Default", "ami-0fedcba9876543210"));
		template.resourceCountIs("AWS::AutoScaling::LaunchConfiguration", 0);
	}

	@Test
	void launchTemplateTellsTheWorkerWhereTheQueueBucketAndSecretAre() {
		List<Object> lines = WebStackTests.userData(template, "Template");

		// The listener takes the queue's name (orders.receipts.queue), as the lab's does.
		assertThat(lines)
			.containsSequence("\nORDERS_RECEIPTS_QUEUE=", exported(infra.data(), infra.data().orders(), "QueueName"))
			.containsSequence("\nORDERS_RECEIPTS_BUCKET=", exported(infra.data(), infra.data().receipts(), "Ref"))
			.contains("\nDB_SECRET_ARN=");
	}

	@Test
	void workersReachOnlyTheOrdersQueueTheReceiptsPrefixAndTheDatabaseSecret() {
		List<Map<String, Object>> statements = statements(template);
		Object queueArn = exported(infra.data(), infra.data().orders(), "Arn");
		Object bucketArn = exported(infra.data(), infra.data().receipts(), "Arn");
		Object secretArn = exported(infra.data(), infra.data().databaseSecret(), "Ref");

		assertThat(resourcesAllowing(statements, "sqs:ReceiveMessage")).containsOnly(queueArn);
		assertThat(resourcesAllowing(statements, "sqs:DeleteMessage")).containsOnly(queueArn);
		assertThat(resourcesAllowing(statements, "sqs:ChangeMessageVisibility")).containsOnly(queueArn);
		assertThat(resourcesAllowing(statements, "s3:PutObject")).containsOnly(objectsUnder(bucketArn, "/receipts/*"));
		assertThat(resourcesAllowing(statements, "secretsmanager:GetSecretValue")).containsOnly(secretArn);
		assertThat(resourcesAllowing(statements, "s3:GetObject*")).isEmpty();
		assertThat(resourcesAllowing(statements, "autoscaling:CompleteLifecycleAction")).singleElement()
			.asString()
			.contains(":autoScalingGroup:*:autoScalingGroupName/" + worker.getStackName() + "-workers");
		assertThat(actionsOnEveryResource(statements)).containsExactly("cloudwatch:PutMetricData");
	}

	@Test
	void awsSolutionsChecksFindNothingUnsuppressed() {
		assertThat(findings(worker)).isEmpty();
	}

}
