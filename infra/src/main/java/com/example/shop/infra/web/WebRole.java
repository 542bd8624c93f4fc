package com.example.shop.infra.web;

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
 * What a web instance may do, and nothing more: send to the orders queue (the outbox
 * relay), read receipts (the download link), read the database secret, publish its own
 * logs and metrics, and be reached by Session Manager instead of SSH. Shared by both
 * colours, which run the same software.
 */
final class WebRole {

	/**
	 * The CloudWatch agent's default namespace, and the one the application publishes to.
	 */
	static final List<String> METRIC_NAMESPACES = List.of("CWAgent", "Orders");

	private WebRole() {
	}

	static IRole create(Construct scope, DataStack data) {
		Role role = Role.Builder.create(scope, "InstanceRole")
			.assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
			.description("Web instances: send orders, read receipts, read the database secret")
			.managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore")))
			.build();
		data.orders().grantSendMessages(role);
		data.receipts().grantRead(role, "receipts/*");
		data.databaseSecret().grantRead(role);
		role.addToPolicy(logs(scope, "/orders/web"));
		role.addToPolicy(metrics());
		return role;
	}

	/**
	 * The agent creates and writes its own log groups under the tier's prefix, no others.
	 */
	static PolicyStatement logs(Construct scope, String logGroupPrefix) {
		Stack stack = Stack.of(scope);
		String groups = stack.formatArn(ArnComponents.builder()
			.service("logs")
			.resource("log-group")
			.resourceName(logGroupPrefix + "*")
			.arnFormat(ArnFormat.COLON_RESOURCE_NAME)
			.build());
		return PolicyStatement.Builder.create()
			.actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
					"logs:DescribeLogStreams"))
			.resources(List.of(groups, groups + ":log-stream:*"))
			.build();
	}

	/**
	 * PutMetricData has no resource-level permission; the namespace condition scopes it.
	 */
	static PolicyStatement metrics() {
		return PolicyStatement.Builder.create()
			.actions(List.of("cloudwatch:PutMetricData"))
			.resources(List.of("*"))
			.conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", METRIC_NAMESPACES)))
			.build();
	}

}
