package com.example.shop.infra.worker;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.network.NetworkStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.constructs.Construct;

/** STUB, to be replaced: the worker group, scaled on the queue's backlog. */
public class WorkerStack extends Stack {

	private final AutoScalingGroup workers;

	public WorkerStack(Construct scope, String id, StackProps props, InfraSettings settings, NetworkStack network,
			DataStack data) {
		super(scope, id, props);
		LaunchTemplate template = LaunchTemplate.Builder.create(this, "Template")
			.machineImage(MachineImage.genericLinux(java.util.Map.of("us-east-1", settings.workerAmiId())))
			.instanceType(new InstanceType("t4g.small"))
			.securityGroup(network.workerGroup())
			.build();
		this.workers = AutoScalingGroup.Builder.create(this, "Workers")
			.vpc(network.vpc())
			.launchTemplate(template)
			.build();
	}

	public AutoScalingGroup workers() {
		return this.workers;
	}

}
