package com.example.shop.infra.web;

import java.util.List;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.network.NetworkStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.constructs.Construct;

/** STUB, to be replaced: the load balancer and the blue and green web groups. */
public class WebStack extends Stack {

	private final ApplicationLoadBalancer loadBalancer;

	private final ApplicationListener listener;

	private final ApplicationTargetGroup blue;

	private final ApplicationTargetGroup green;

	private final AutoScalingGroup blueInstances;

	private final AutoScalingGroup greenInstances;

	public WebStack(Construct scope, String id, StackProps props, InfraSettings settings, NetworkStack network,
			DataStack data) {
		super(scope, id, props);
		this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
			.vpc(network.vpc())
			.internetFacing(true)
			.securityGroup(network.loadBalancerGroup())
			.build();
		this.blueInstances = group("Blue", settings, network);
		this.greenInstances = group("Green", settings, network);
		this.blue = ApplicationTargetGroup.Builder.create(this, "BlueTargets")
			.vpc(network.vpc())
			.port(8080)
			.protocol(ApplicationProtocol.HTTP)
			.targets(List.of(this.blueInstances))
			.build();
		this.green = ApplicationTargetGroup.Builder.create(this, "GreenTargets")
			.vpc(network.vpc())
			.port(8080)
			.protocol(ApplicationProtocol.HTTP)
			.targets(List.of(this.greenInstances))
			.build();
		this.listener = this.loadBalancer.addListener("Http",
				software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps.builder()
					.port(80)
					.defaultAction(ListenerAction.forward(List.of(this.blue)))
					.build());
	}

	private AutoScalingGroup group(String colour, InfraSettings settings, NetworkStack network) {
		LaunchTemplate template = LaunchTemplate.Builder.create(this, colour + "Template")
			.machineImage(MachineImage.genericLinux(java.util.Map.of("us-east-1", settings.webAmiId())))
			.instanceType(new InstanceType("t4g.small"))
			.securityGroup(network.webGroup())
			.build();
		return AutoScalingGroup.Builder.create(this, colour + "Instances")
			.vpc(network.vpc())
			.launchTemplate(template)
			.build();
	}

	public ApplicationLoadBalancer loadBalancer() {
		return this.loadBalancer;
	}

	public ApplicationListener listener() {
		return this.listener;
	}

	public ApplicationTargetGroup blue() {
		return this.blue;
	}

	public ApplicationTargetGroup green() {
		return this.green;
	}

	public AutoScalingGroup blueInstances() {
		return this.blueInstances;
	}

	public AutoScalingGroup greenInstances() {
		return this.greenInstances;
	}

}
