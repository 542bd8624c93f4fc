package com.example.shop.infra.network;

import java.util.List;

import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IInterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * The VPC endpoints of the AWS services the instances call, so that queue, secret,
 * Session Manager, log and metric traffic stays inside the VPC: cheaper than the NAT
 * gateways, and still working when a NAT gateway's AZ is down. Private DNS is on, so the
 * AWS SDK's default endpoints resolve to them with no configuration.
 */
final class InstanceEndpoints {

	/** Besides Secrets Manager, which the data stack also needs by name. */
	private static final List<Endpoint> INTERFACE_ENDPOINTS = List.of(
			new Endpoint("Sqs", InterfaceVpcEndpointAwsService.SQS),
			new Endpoint("Ssm", InterfaceVpcEndpointAwsService.SSM),
			new Endpoint("SsmMessages", InterfaceVpcEndpointAwsService.SSM_MESSAGES),
			new Endpoint("Ec2Messages", InterfaceVpcEndpointAwsService.EC2_MESSAGES),
			new Endpoint("Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS),
			new Endpoint("Monitoring", InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING));

	private InstanceEndpoints() {
	}

	/**
	 * Adds the S3 gateway endpoint and the interface endpoints, the latter admitting
	 * HTTPS from the given groups only.
	 * @param scope where the endpoints' security group is created
	 * @param vpc the VPC
	 * @param clients the groups allowed to call the endpoints
	 * @return the Secrets Manager endpoint
	 */
	static IInterfaceVpcEndpoint addTo(Construct scope, Vpc vpc, List<SecurityGroup> clients) {
		vpc.addGatewayEndpoint("S3",
				GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build());
		SecurityGroup group = SecurityGroup.Builder.create(scope, "Endpoints")
			.vpc(vpc)
			.description("Interface endpoints: HTTPS from the instances only")
			.allowAllOutbound(false)
			.build();
		clients
			.forEach((client) -> group.addIngressRule(client, Port.tcp(443), "HTTPS from " + client.getNode().getId()));
		INTERFACE_ENDPOINTS.forEach((endpoint) -> add(vpc, group, endpoint));
		return add(vpc, group, new Endpoint("SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER));
	}

	private static IInterfaceVpcEndpoint add(Vpc vpc, SecurityGroup group, Endpoint endpoint) {
		return vpc.addInterfaceEndpoint(endpoint.id(),
				InterfaceVpcEndpointOptions.builder()
					.service(endpoint.service())
					.subnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
					.privateDnsEnabled(true)
					.open(false)
					.securityGroups(List.of(group))
					.build());
	}

	private record Endpoint(String id, InterfaceVpcEndpointAwsService service) {
	}

}
