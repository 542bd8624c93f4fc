package com.example.shop.infra.instances;

import java.util.List;

import io.github.cdklabs.cdknag.NagPackSuppression;

/**
 * The AWS Solutions findings every instance role raises for the same reasons: the managed
 * policy Session Manager needs, and the metrics the CloudWatch agent and the application
 * publish. Declared once so both tiers give a reviewer the same answer, each narrowed to
 * the one policy or resource it excuses.
 */
public final class InstanceSuppressions {

	private InstanceSuppressions() {
	}

	/**
	 * Accepts the AWS managed policy that lets Session Manager reach an instance.
	 * @return the suppression, for the instance role
	 */
	public static NagPackSuppression sessionManagerPolicy() {
		return NagPackSuppression.builder()
			.id("AwsSolutions-IAM4")
			.reason("Session Manager access instead of SSH; AWS maintains this policy as the agent's "
					+ "needs change, and it grants no data access.")
			.appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore"))
			.build();
	}

	/**
	 * Accepts publishing metrics on any resource, which is the only way IAM offers.
	 * @return the suppression, for an instance role whose metrics statement is limited by
	 * namespace
	 */
	public static NagPackSuppression metricsOnAnyResource() {
		return NagPackSuppression.builder()
			.id("AwsSolutions-IAM5")
			.reason("cloudwatch:PutMetricData supports no resource-level permission; a condition limits it to "
					+ "the agent's and the application's namespaces.")
			.appliesTo(List.of("Resource::*"))
			.build();
	}

}
