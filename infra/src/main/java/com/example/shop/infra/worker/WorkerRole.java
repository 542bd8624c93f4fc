package com.example.shop.infra.worker;

import java.util.List;
import java.util.Map;

import com.example.shop.infra.data.DataStack;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * What a worker may do: consume the orders queue, write receipts under their prefix, read
 * the database secret, publish its logs and metrics, complete its own group's termination
 * hook, and be reached by Session Manager instead of SSH.
 */
final class WorkerRole {

	private WorkerRole() {
	}

	static IRole create(Construct scope, DataStack data, String groupName) {
		Role role = Role.Builder.create(scope, "InstanceRole")
			.assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
			.description("Workers: consume orders, write receipts, read the database secret")
			.managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore")))
			.build();
		data.orders().grantConsumeMessages(role);
		data.receipts().grantPut(role, "receipts/*");
		data.databaseSecret().grantRead(role);
		Stack stack = Stack.of(scope);
		String logGroups = stack.formatArn(ArnComponents.builder()
			.service("logs")
			.resource("log-group")
			.resourceName("/orders/worker*")
			.arnFormat(ArnFormat.COLON_RESOURCE_NAME)
			.build());
		role.addToPolicy(PolicyStatement.Builder.create()
			.actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
					"logs:DescribeLogStreams"))
			.resources(List.of(logGroups, logGroups + ":log-stream:*"))
			.build());
		role.addToPolicy(PolicyStatement.Builder.create()
			.actions(List.of("cloudwatch:PutMetricData"))
			.resources(List.of("*"))
			.conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", List.of("CWAgent", "Orders"))))
			.build());
		// The group's ARN holds a generated id; its name is fixed, so the ARN is matched
		// by name.
		role.addToPolicy(PolicyStatement.Builder.create()
			.actions(List.of("autoscaling:CompleteLifecycleAction", "autoscaling:RecordLifecycleActionHeartbeat"))
			.resources(List.of(stack.formatArn(ArnComponents.builder()
				.service("autoscaling")
				.resource("autoScalingGroup")
				.resourceName("*:autoScalingGroupName/" + groupName)
				.arnFormat(ArnFormat.COLON_RESOURCE_NAME)
				.build())))
			.build());
		return role;
	}

}
