package com.example.shop.infra.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipalOpts;
import software.constructs.Construct;

/**
 * One role per experiment, so that a template can do exactly its own fault: the role that
 * fails the database over cannot terminate instances. Only FIS, acting for this account,
 * may assume it. What cannot be scoped to a resource (FIS's log delivery, describing
 * instances to resolve targets) is limited to the deployment's region.
 */
final class ExperimentRole {

	private ExperimentRole() {
	}

	/**
	 * @param scope where the role goes
	 * @param id the role's id
	 * @param statements the experiment's own permissions
	 * @param wildcardReason why the experiment's wildcard resources, if any, are safe
	 * @return the role
	 */
	static Role create(Construct scope, String id, List<PolicyStatement> statements, String wildcardReason) {
		List<PolicyStatement> all = new ArrayList<>(statements);
		all.add(unscoped("logs:CreateLogDelivery", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
				"logs:DescribeLogGroups"));
		Role role = Role.Builder.create(scope, id)
			.assumedBy(new ServicePrincipal("fis.amazonaws.com",
					ServicePrincipalOpts.builder()
						.conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
						.build()))
			.inlinePolicies(Map.of("Experiment", PolicyDocument.Builder.create().statements(all).build()))
			.build();
		NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
			.id("AwsSolutions-IAM5")
			.reason("FIS log delivery (logs:CreateLogDelivery and friends) and target resolution (Describe/List "
					+ "calls) support no resource-level permissions; they are limited to this region. "
					+ wildcardReason)
			.build()), true);
		return role;
	}

	/**
	 * A statement for actions that support no resource-level permissions, limited to the
	 * deployment's region.
	 * @param actions the actions
	 * @return the statement
	 */
	static PolicyStatement unscoped(String... actions) {
		return PolicyStatement.Builder.create()
			.actions(List.of(actions))
			.resources(List.of("*"))
			.conditions(Map.of("StringEquals", Map.of("aws:RequestedRegion", Aws.REGION)))
			.build();
	}

	/**
	 * An ARN in this stack's account and region.
	 * @param scope a construct of the stack
	 * @param service the service, {@code ec2}
	 * @param resource the resource type, {@code instance}
	 * @param name the resource's name or a pattern
	 * @return the ARN
	 */
	static String arn(Construct scope, String service, String resource, String name) {
		return Stack.of(scope)
			.formatArn(ArnComponents.builder().service(service).resource(resource).resourceName(name).build());
	}

	static PolicyStatement allow(List<String> actions, List<String> resources, Map<String, Object> conditions) {
		return PolicyStatement.Builder.create().actions(actions).resources(resources).conditions(conditions).build();
	}

	static PolicyStatement allow(List<String> actions, List<String> resources) {
		return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
	}

}
