package com.example.shop.infra.network;

import java.util.List;

import com.example.shop.infra.InfraSettings;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IInterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * The network, and the security groups of the load balancer and the instances (here
 * because the database and the tiers all refer to them). Every group denies all outbound
 * traffic except what is listed, so that a compromised instance cannot reach more than
 * the AWS APIs and the database.
 */
public class NetworkStack extends Stack {

	/** The port the web application listens on, readiness ({@code /readyz}) included. */
	public static final int WEB_PORT = 8080;

	/** PostgreSQL's port: the database keeps it, the security groups are the control. */
	public static final int DATABASE_PORT = 5432;

	private final Vpc vpc;

	private final SecurityGroup loadBalancerGroup;

	private final SecurityGroup webGroup;

	private final SecurityGroup workerGroup;

	private final SecurityGroup rotationGroup;

	private final IInterfaceVpcEndpoint secretsManagerEndpoint;

	public NetworkStack(Construct scope, String id, StackProps props, InfraSettings settings) {
		super(scope, id, props);
		this.vpc = OrdersVpc.create(this, settings);
		this.loadBalancerGroup = group("LoadBalancer", "The public entry: HTTPS and HTTP from anywhere");
		this.webGroup = group("WebInstances", "Web instances: port 8080 from the load balancer only");
		this.workerGroup = group("WorkerInstances", "Worker instances: no inbound traffic");
		this.rotationGroup = group("SecretRotation", "Rotation function of the database secret");
		admitInternetToLoadBalancer();
		this.loadBalancerGroup.addEgressRule(this.webGroup, Port.tcp(WEB_PORT), "To the web instances");
		this.webGroup.addIngressRule(this.loadBalancerGroup, Port.tcp(WEB_PORT), "From the load balancer");
		allowAwsApisAndDatabase(this.webGroup);
		allowAwsApisAndDatabase(this.workerGroup);
		allowAwsApisAndDatabase(this.rotationGroup);
		this.secretsManagerEndpoint = InstanceEndpoints.addTo(this, this.vpc,
				List.of(this.webGroup, this.workerGroup, this.rotationGroup));
	}

	private SecurityGroup group(String id, String description) {
		return SecurityGroup.Builder.create(this, id)
			.vpc(this.vpc)
			.description(description)
			.allowAllOutbound(false)
			.build();
	}

	private void admitInternetToLoadBalancer() {
		this.loadBalancerGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from anywhere");
		this.loadBalancerGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from anywhere");
		NagSuppressions.addResourceSuppressions(this.loadBalancerGroup,
				List.of(NagPackSuppression.builder()
					.id("AwsSolutions-EC23")
					.reason("The load balancer is the public entry of the shop: customers reach it from any address. "
							+ "Only ports 443 and 80 are open, and it forwards to the web group on 8080 only.")
					.build()),
				true);
	}

	/**
	 * AWS APIs are reached on 443 through the endpoints or the NAT gateways; the database
	 * only in the isolated subnets it lives in, whichever stack or group it is given.
	 */
	private void allowAwsApisAndDatabase(SecurityGroup group) {
		group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "AWS APIs through the endpoints or NAT");
		this.vpc.getIsolatedSubnets()
			.forEach((subnet) -> group.addEgressRule(Peer.ipv4(subnet.getIpv4CidrBlock()), Port.tcp(DATABASE_PORT),
					"The database in " + subnet.getNode().getId()));
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

	/**
	 * The group of the function that rotates the database secret: it needs the Secrets
	 * Manager endpoint (admitted here) and the database (admitted by the data stack).
	 * @return the rotation function's security group
	 */
	public ISecurityGroup rotationGroup() {
		return this.rotationGroup;
	}

	/**
	 * The Secrets Manager interface endpoint, for whatever must name it explicitly.
	 * @return the endpoint
	 */
	public IInterfaceVpcEndpoint secretsManagerEndpoint() {
		return this.secretsManagerEndpoint;
	}

}
