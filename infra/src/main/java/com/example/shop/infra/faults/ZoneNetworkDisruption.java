package com.example.shop.infra.faults;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateActionProperty;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateTargetProperty;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * A zone cut off the network: FIS swaps the instance subnet's network ACL for one that
 * denies everything ({@code aws:network:disrupt-connectivity}, scope {@code all}) and
 * puts the original back after five minutes. The subnet is named by its ARN rather than
 * found by tag or AZ filter, so the experiment can hit nothing but that one subnet. The
 * role follows the managed policy {@code AWSFaultInjectionSimulatorNetworkAccess},
 * narrowed to this VPC and this subnet.
 */
final class ZoneNetworkDisruption {

	private ZoneNetworkDisruption() {
	}

	static CfnExperimentTemplate add(Construct scope, Experiments experiments, IVpc vpc, ISubnet subnet) {
		String subnetArn = ExperimentRole.arn(scope, "ec2", "subnet", subnet.getSubnetId());
		String acls = ExperimentRole.arn(scope, "ec2", "network-acl", "*");
		Map<String, Object> fisAcl = Map.of("StringEquals", Map.of("aws:RequestTag/managedByFIS", "true"));
		Role role = ExperimentRole.create(scope, "ZoneNetworkDisruptionRole", List.of(
				ExperimentRole.allow(List.of("ec2:CreateNetworkAcl"), List.of(acls), fisAcl),
				ExperimentRole.allow(List.of("ec2:CreateNetworkAcl"),
						List.of(ExperimentRole.arn(scope, "ec2", "vpc", vpc.getVpcId()))),
				ExperimentRole.allow(List.of("ec2:CreateTags"), List.of(acls),
						Map.of("StringEquals",
								Map.of("ec2:CreateAction", "CreateNetworkAcl", "aws:RequestTag/managedByFIS", "true"))),
				ExperimentRole.allow(List.of("ec2:CreateNetworkAclEntry", "ec2:DeleteNetworkAcl"), List.of(acls),
						Map.of("StringEquals", Map.of("ec2:ResourceTag/managedByFIS", "true"))),
				ExperimentRole.allow(List.of("ec2:ReplaceNetworkAclAssociation"), List.of(subnetArn, acls),
						Map.of("ArnEquals",
								Map.of("ec2:Vpc", ExperimentRole.arn(scope, "ec2", "vpc", vpc.getVpcId())))),
				ExperimentRole.unscoped("ec2:DescribeNetworkAcls", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
						"ec2:DescribeManagedPrefixLists")),
				"network-acl/* is the ACL FIS creates (tagged managedByFIS, its id unknown in advance) and the "
						+ "subnet's own ACL it restores, both limited to this VPC.");
		return experiments.add("ZoneNetworkDisruption", "az-network-disruption",
				"A zone cut off: the instance subnet of one AZ loses all traffic for 5 minutes; the load "
						+ "balancer and the workers of the other zones carry on",
				Map.of("instanceSubnets",
						ExperimentTemplateTargetProperty.builder()
							.resourceType("aws:ec2:subnet")
							.resourceArns(List.of(subnetArn))
							.selectionMode("ALL")
							.build()),
				ExperimentTemplateActionProperty.builder()
					.actionId("aws:network:disrupt-connectivity")
					.parameters(Map.of("scope", "all", "duration", "PT5M"))
					.targets(Map.of("Subnets", "instanceSubnets"))
					.build(),
				role);
	}

}
