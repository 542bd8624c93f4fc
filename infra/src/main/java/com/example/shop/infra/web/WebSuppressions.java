package com.example.shop.infra.web;

import java.util.List;

import com.example.shop.infra.instances.InstanceSuppressions;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.IConstruct;

/**
 * The AWS Solutions findings this stack accepts, each with the reason a reviewer would
 * ask for, and each narrowed to the exact policy, action or resource it excuses. Kept in
 * one place so the list of exceptions reads as a whole.
 */
final class WebSuppressions {

	private WebSuppressions() {
	}

	static void apply(IConstruct loadBalancer, IRole role, List<AutoScalingGroup> groups) {
		NagSuppressions.addResourceSuppressions(loadBalancer, List.of(NagPackSuppression.builder()
			.id("AwsSolutions-ELB2")
			.reason("Access logs need a log bucket with its own lifecycle; the load balancer's request metrics "
					+ "and the application's logs answer the lab's questions. Add one before production traffic.")
			.build()), true);
		for (AutoScalingGroup group : groups) {
			NagSuppressions.addResourceSuppressions(group, List.of(NagPackSuppression.builder()
				.id("AwsSolutions-AS3")
				.reason("Scaling activity is in the group's activity history, and target health is alarmed on by "
						+ "the observability stack; a notification per launch would only add noise.")
				.build()), true);
		}
		NagSuppressions.addResourceSuppressions(role, List.of(InstanceSuppressions.sessionManagerPolicy(),
				NagPackSuppression.builder()
					.id("AwsSolutions-IAM5")
					.reason("The action set of the CDK's grantRead, limited to the receipts bucket and the objects "
							+ "under its receipts/ prefix.")
					.appliesTo(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*"))
					.build(),
				NagPackSuppression.builder()
					.id("AwsSolutions-IAM5")
					.reason("receipts/* is the prefix every receipt is stored under, by design: the instance reads "
							+ "any receipt, and nothing else in the bucket.")
					.appliesTo(List
						.of(RegexAppliesTo.builder().regex("/^Resource::.*Receipts.*\\/receipts\\/\\*$/").build()))
					.build(),
				NagPackSuppression.builder()
					.id("AwsSolutions-IAM5")
					.reason("The CloudWatch agent creates its log groups and streams on demand, so they are named by "
							+ "the tier's /orders/web prefix only.")
					.appliesTo(List.of(RegexAppliesTo.builder()
						.regex("/^Resource::arn:<AWS::Partition>:logs:.*:log-group:\\/orders\\/web\\*.*$/")
						.build()))
					.build(),
				InstanceSuppressions.metricsOnAnyResource()), true);
	}

}
