package com.example.shop.infra.worker;

import java.util.List;

import com.example.shop.infra.instances.InstanceSuppressions;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.iam.IRole;

/**
 * The AWS Solutions findings this stack accepts, each with its reason and narrowed to the
 * exact policy, action or resource it excuses.
 */
final class WorkerSuppressions {

	private WorkerSuppressions() {
	}

	static void apply(AutoScalingGroup workers, IRole role) {
		NagSuppressions.addResourceSuppressions(workers,
				List.of(NagPackSuppression.builder()
					.id("AwsSolutions-AS3")
					.reason("Scaling activity is in the group's activity history and the backlog is alarmed on by the "
							+ "observability stack; a notification per launch would only add noise.")
					.build()),
				true);
		NagSuppressions.addResourceSuppressions(role, List.of(InstanceSuppressions.sessionManagerPolicy(),
				NagPackSuppression.builder()
					.id("AwsSolutions-IAM5")
					.reason("s3:Abort* is part of the CDK's grantPut (aborting the worker's own multipart uploads), "
							+ "limited to the objects under receipts/.")
					.appliesTo(List.of("Action::s3:Abort*"))
					.build(),
				NagPackSuppression.builder()
					.id("AwsSolutions-IAM5")
					.reason("receipts/* is the prefix every receipt is written under, by design: the worker writes "
							+ "there and nowhere else in the bucket.")
					.appliesTo(List.of(regex("/^Resource::.*Receipts.*\\/receipts\\/\\*$/")))
					.build(),
				NagPackSuppression.builder()
					.id("AwsSolutions-IAM5")
					.reason("The CloudWatch agent creates its log groups and streams on demand, so they are named by "
							+ "the tier's /orders/worker prefix only.")
					.appliesTo(List
						.of(regex("/^Resource::arn:<AWS::Partition>:logs:.*:log-group:\\/orders\\/worker\\*.*$/")))
					.build(),
				NagPackSuppression.builder()
					.id("AwsSolutions-IAM5")
					.reason("An Auto Scaling group's ARN contains an id generated at creation; the group's fixed "
							+ "name pins the ARN to this group.")
					.appliesTo(List.of(regex(
							"/^Resource::arn:<AWS::Partition>:autoscaling:.*:autoScalingGroup:\\*:autoScalingGroupName\\/.*$/")))
					.build(),
				InstanceSuppressions.metricsOnAnyResource()), true);
	}

	private static RegexAppliesTo regex(String regex) {
		return RegexAppliesTo.builder().regex(regex).build();
	}

}
