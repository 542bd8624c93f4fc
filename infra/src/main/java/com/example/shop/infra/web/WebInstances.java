package com.example.shop.infra.web;

import java.util.List;
import java.util.Locale;

import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.instances.BakedImage;
import com.example.shop.infra.instances.HardenedLaunchTemplate;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthCheckType;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthChecksOptions;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.GroupMetrics;
import software.amazon.awscdk.services.autoscaling.HealthChecks;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * One colour's Auto Scaling group and its launch template. Both colours are built the
 * same way so that the only differences between them are the AMI and the capacity, which
 * is what a blue/green deploy changes.
 */
final class WebInstances {

	/**
	 * Graviton: the same work for less money than the x86 equivalent; the AMI is arm64.
	 */
	static final InstanceType INSTANCE_TYPE = new InstanceType("t4g.small");

	private WebInstances() {
	}

	/**
	 * Builds a colour's group.
	 * @param scope the web stack
	 * @param colour {@code Blue} or {@code Green}
	 * @param image the colour's AMI
	 * @param role the web instances' role
	 * @param vpc the network
	 * @param securityGroup the web instances' group (8080 from the load balancer only)
	 * @param data what the instances are configured to reach
	 * @param minCapacity 2 for the colour that serves, 0 for the idle one
	 * @return the group
	 */
	static AutoScalingGroup create(Construct scope, String colour, BakedImage image, IRole role, IVpc vpc,
			ISecurityGroup securityGroup, DataStack data, int minCapacity) {
		LaunchTemplate template = HardenedLaunchTemplate.create(scope, colour + "Template", image, INSTANCE_TYPE, role,
				securityGroup, userData(colour.toLowerCase(Locale.ROOT), data));
		return AutoScalingGroup.Builder.create(scope, colour + "Instances")
			.vpc(vpc)
			// Private subnets in all three AZs: an AZ lost takes a third of the capacity.
			.vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
			.launchTemplate(template)
			// No desired capacity: the group starts at its minimum (blue 2, green 0);
			// later sizes are the deployer's or the scaling policy's, and a stack update
			// must not reset them.
			.minCapacity(minCapacity)
			.maxCapacity(6)
			// ELB checks also replace an instance whose application stopped answering
			// /readyz; the 90 s grace covers the JVM start and the warm-up.
			.healthChecks(HealthChecks.withAdditionalChecks(AdditionalHealthChecksOptions.builder()
				.additionalTypes(List.of(AdditionalHealthCheckType.ELB))
				.gracePeriod(Duration.seconds(90))
				.build()))
			// Instance maintenance policy (not a CloudFormation update policy): refreshes
			// and replacements launch the new instance before the old one goes (100 to
			// 200 % healthy), and count it after a 60 s warm-up.
			.minHealthyPercentage(100)
			.maxHealthyPercentage(200)
			.defaultInstanceWarmup(Duration.seconds(60))
			.newInstancesProtectedFromScaleIn(false)
			.groupMetrics(List.of(GroupMetrics.all()))
			.build();
	}

	/**
	 * The dynamic part of the configuration: where the database, the queue and the bucket
	 * are, and the instance's Availability Zone from its metadata, written where the
	 * baked {@code orders-web.service} reads its environment. The unit resolves
	 * {@code DB_URL}, {@code DB_USERNAME} and {@code DB_PASSWORD} from the secret at
	 * start, so no credential is ever written into user data.
	 */
	private static UserData userData(String colour, DataStack data) {
		UserData userData = UserData.forLinux();
		userData.addCommands("set -euo pipefail", "install -d -m 0750 /etc/orders",
				"cat > /etc/orders/orders.env <<'EOF'", "ORDERS_COLOUR=" + colour, "AWS_REGION=" + Aws.REGION,
				"DB_HOST=" + data.database().getDbInstanceEndpointAddress(),
				"DB_PORT=" + data.database().getDbInstanceEndpointPort(),
				"DB_SECRET_ARN=" + data.databaseSecret().getSecretArn(),
				"ORDERS_OUTBOX_QUEUE=" + data.orders().getQueueName(),
				"ORDERS_RECEIPTS_BUCKET=" + data.receipts().getBucketName(), "EOF",
				// the instance's Availability Zone, for the X-Served-Zone header (IMDSv2)
				"imds=$(curl -sf -X PUT http://169.254.169.254/latest/api/token "
						+ "-H 'X-aws-ec2-metadata-token-ttl-seconds: 60')",
				"echo \"ORDERS_ZONE=$(curl -sf -H \"X-aws-ec2-metadata-token: $imds\" "
						+ "http://169.254.169.254/latest/meta-data/placement/availability-zone)\" "
						+ ">> /etc/orders/orders.env",
				"chmod 0640 /etc/orders/orders.env", "systemctl restart orders-web.service");
		return userData;
	}

}
