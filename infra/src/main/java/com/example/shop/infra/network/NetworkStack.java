package com.example.shop.infra.network;

import java.util.List;

import com.example.shop.infra.InfraSettings;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * STUB, to be replaced: the network, and the security groups of the load balancer and the
 * instances (here because the database and the tiers all refer to them).
 */
public class NetworkStack extends Stack {

	private final Vpc vpc;

	private final SecurityGroup loadBalancerGroup;

	private final SecurityGroup webGroup;

	private final SecurityGroup workerGroup;

	public NetworkStack(Construct scope, String id, StackProps props, InfraSettings settings) {
		super(scope, id, props);
		this.vpc = Vpc.Builder.create(this, "Vpc")
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
		this.loadBalancerGroup = SecurityGroup.Builder.create(this, "LoadBalancer").vpc(this.vpc).build();
		this.webGroup = SecurityGroup.Builder.create(this, "WebInstances").vpc(this.vpc).build();
		this.workerGroup = SecurityGroup.Builder.create(this, "WorkerInstances").vpc(this.vpc).build();
	}

	/** Three AZs without naming them: the stack stays environment-agnostic. */
	@Override
	public List<String> getAvailabilityZones() {
		return List.of(Fn.select(0, Fn.getAzs()), Fn.select(1, Fn.getAzs()), Fn.select(2, Fn.getAzs()));
	}

	public IVpc vpc() {
		return this.vpc;
	}

	public ISecurityGroup loadBalancerGroup() {
		return this.loadBalancerGroup;
	}

	public ISecurityGroup webGroup() {
		return this.webGroup;
	}

	public ISecurityGroup workerGroup() {
		return this.workerGroup;
	}

}
