package com.example.shop.infra.web;

import java.util.List;
import java.util.Locale;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.instances.BakedImage;
import com.example.shop.infra.network.NetworkStack;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.RequestCountScalingProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.WeightedTargetGroup;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * The load balancer and the blue and green web groups. The listener forwards to both
 * target groups by weight (blue 100, green 0 at creation); a deploy changes the weights
 * through the API, so CloudFormation describes the shape and the deployer the traffic.
 * Security groups come from the network stack and are used as they are: every rule lives
 * there, so no rule here can make the stacks depend on each other both ways.
 */
public class WebStack extends Stack {

	/** Where the web application listens, for traffic and for the readiness check. */
	static final int APPLICATION_PORT = 8080;

	/**
	 * One target's share of traffic before another instance is added: about 8 requests a
	 * second, a small fraction of what one instance serves, so that the group scales out
	 * long before latency rises and still has room while a new instance warms up.
	 */
	static final int REQUESTS_PER_TARGET_PER_MINUTE = 500;

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
			.vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
			.securityGroup(asIs("LoadBalancerGroup", network.loadBalancerGroup()))
			// Malformed headers are dropped at the edge, never passed to the application.
			.dropInvalidHeaderFields(true)
			.deletionProtection(false)
			.build();
		IRole role = WebRole.create(this, data);
		ISecurityGroup webGroup = asIs("WebGroup", network.webGroup());
		this.blueInstances = WebInstances.create(this, "Blue", colourImage("Blue", settings), role, network.vpc(),
				webGroup, data, 2);
		this.greenInstances = WebInstances.create(this, "Green", colourImage("Green", settings), role, network.vpc(),
				webGroup, data, 0);
		this.blue = targetGroup("BlueTargets", this.blueInstances);
		this.green = targetGroup("GreenTargets", this.greenInstances);
		this.listener = WebListeners.create(this.loadBalancer, settings.certificateArn(), weightedForward());
		scaleOnRequests(this.blueInstances);
		scaleOnRequests(this.greenInstances);
		WebSuppressions.apply(this.loadBalancer, role, List.of(this.blueInstances, this.greenInstances));
		outputsForTheDeployer();
	}

	/**
	 * What the blue/green deploy controller ({@code deploy/}) reads to find the listener,
	 * the target groups and the groups of each colour, so that it needs no name but the
	 * prefix.
	 */
	private void outputsForTheDeployer() {
		output("ListenerArn", this.listener.getListenerArn(), "The listener whose weights a deployment shifts");
		output("BlueTargetGroupArn", this.blue.getTargetGroupArn(), "The blue target group");
		output("GreenTargetGroupArn", this.green.getTargetGroupArn(), "The green target group");
		output("BlueGroupName", this.blueInstances.getAutoScalingGroupName(), "The blue Auto Scaling group");
		output("GreenGroupName", this.greenInstances.getAutoScalingGroupName(), "The green Auto Scaling group");
		output("LoadBalancerDnsName", this.loadBalancer.getLoadBalancerDnsName(), "Where the orders API answers");
	}

	private void output(String id, String value, String description) {
		CfnOutput.Builder.create(this, id).value(value).description(description).build();
	}

	/**
	 * The network stack's group, imported immutable: the load balancer and the Auto
	 * Scaling groups would otherwise add their own rules to it from this stack.
	 */
	private ISecurityGroup asIs(String id, ISecurityGroup group) {
		return SecurityGroup.fromSecurityGroupId(this, id, group.getSecurityGroupId(),
				SecurityGroupImportOptions.builder().mutable(false).build());
	}

	private BakedImage colourImage(String colour, InfraSettings settings) {
		return new BakedImage(this, colour + "AmiId", settings.webAmiId(),
				"The web AMI the " + colour.toLowerCase(Locale.ROOT) + " group launches");
	}

	/**
	 * A colour's targets. The checks match the application: {@code /readyz} answers from
	 * local state only, two failures 5 s apart take a target out within about 10 s, which
	 * is inside the 12 s the application keeps serving after SIGTERM; the deregistration
	 * delay is a little longer than those 12 s so the load balancer never cuts a request
	 * the instance would still answer. Slow start stays off: the application warms up
	 * before it reports ready.
	 */
	private ApplicationTargetGroup targetGroup(String id, AutoScalingGroup instances) {
		return ApplicationTargetGroup.Builder.create(this, id)
			.vpc(this.loadBalancer.getVpc())
			.port(APPLICATION_PORT)
			.protocol(ApplicationProtocol.HTTP)
			.targetType(TargetType.INSTANCE)
			.targets(List.of(instances))
			.deregistrationDelay(Duration.seconds(15))
			.healthCheck(HealthCheck.builder()
				.path("/readyz")
				.port("traffic-port")
				.interval(Duration.seconds(5))
				.timeout(Duration.seconds(2))
				.healthyThresholdCount(2)
				.unhealthyThresholdCount(2)
				.healthyHttpCodes("200")
				.build())
			.build();
	}

	private ListenerAction weightedForward() {
		return ListenerAction
			.weightedForward(List.of(WeightedTargetGroup.builder().targetGroup(this.blue).weight(100).build(),
					WeightedTargetGroup.builder().targetGroup(this.green).weight(0).build()));
	}

	private void scaleOnRequests(AutoScalingGroup instances) {
		instances.scaleOnRequestCount("RequestsPerTarget",
				RequestCountScalingProps.builder().targetRequestsPerMinute(REQUESTS_PER_TARGET_PER_MINUTE).build());
	}

	public ApplicationLoadBalancer loadBalancer() {
		return this.loadBalancer;
	}

	/**
	 * @return the listener that carries the weighted forward (HTTPS when there is a
	 * certificate)
	 */
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
