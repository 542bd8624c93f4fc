package com.example.shop.infra.network;

import java.util.List;

import com.example.shop.infra.InfraSettings;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The VPC: in each of the stack's three AZs a public subnet (the load balancer and the
 * NAT gateways), a larger private subnet with egress (the instances, room for many) and
 * an isolated subnet (the database, which never needs the internet). One NAT gateway is
 * cheap for a demo; one per AZ keeps the other AZs' egress alive when one AZ fails. Flow
 * logs record all traffic, accepted and rejected, for three months: long enough to
 * investigate an incident after the fact.
 */
final class OrdersVpc {

	private OrdersVpc() {
	}

	/**
	 * Adds the VPC and its flow log to a stack.
	 * @param scope the stack, whose availability zones the VPC spans
	 * @param settings how many NAT gateways to run
	 * @return the VPC
	 */
	static Vpc create(Stack scope, InfraSettings settings) {
		Vpc network = Vpc.Builder.create(scope, "Vpc")
			.natGateways(settings.natGateways())
			.subnetConfiguration(List.of(
					SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
					SubnetConfiguration.builder()
						.name("instances")
						.subnetType(SubnetType.PRIVATE_WITH_EGRESS)
						.cidrMask(22)
						.build(),
					SubnetConfiguration.builder()
						.name("database")
						.subnetType(SubnetType.PRIVATE_ISOLATED)
						.cidrMask(24)
						.build()))
			.build();
		LogGroup flowLogs = LogGroup.Builder.create(scope, "FlowLogs")
			.retention(RetentionDays.THREE_MONTHS)
			.removalPolicy(RemovalPolicy.DESTROY)
			.build();
		network.addFlowLog("FlowLog",
				FlowLogOptions.builder()
					.destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
					.trafficType(FlowLogTrafficType.ALL)
					.build());
		return network;
	}

}
