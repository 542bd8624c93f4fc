package com.example.shop.infra.worker;

import java.util.List;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.network.NetworkStack;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.BasicLifecycleHookProps;
import software.amazon.awscdk.services.autoscaling.DefaultResult;
import software.amazon.awscdk.services.autoscaling.GroupMetrics;
import software.amazon.awscdk.services.autoscaling.LifecycleTransition;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * The worker group. It is scaled on the work waiting (messages visible per in-service
 * instance), which is what a backlog of receipts costs customers, rather than on CPU,
 * which a worker waiting on S3 barely uses. A termination lifecycle hook gives a worker
 * being scaled in the time to finish its message instead of leaving it to the visibility
 * timeout.
 */
public class WorkerStack extends Stack {

	private final AutoScalingGroup workers;

	public WorkerStack(Construct scope, String id, StackProps props, InfraSettings settings, NetworkStack network,
			DataStack data) {
		super(scope, id, props);
		String groupName = id + "-workers";
		IRole role = WorkerRole.create(this, data, groupName);
		this.workers = AutoScalingGroup.Builder.create(this, "Workers")
			.autoScalingGroupName(groupName)
			.vpc(network.vpc())
			// Private subnets in all three AZs: an AZ lost takes a third of the workers.
			.vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
			.launchTemplate(WorkerTemplate.create(this, settings,
					SecurityGroup.fromSecurityGroupId(this, "WorkerGroup", network.workerGroup().getSecurityGroupId(),
							SecurityGroupImportOptions.builder().mutable(false).build()),
					role, data))
			.minCapacity(1)
			.maxCapacity(6)
			// Replacements start before the old instance stops and count after 60 s.
			.minHealthyPercentage(100)
			.maxHealthyPercentage(200)
			.defaultInstanceWarmup(Duration.seconds(60))
			// The scaling metric divides by GroupInServiceInstances, which exists only
			// while group metrics are collected.
			.groupMetrics(List.of(GroupMetrics.all()))
			.build();
		BacklogScaling.attach(this, this.workers, data.orders());
		// Scale-in holds the instance in Terminating:Wait for up to 60 s: the AMI's drain
		// step (it sees the state in the instance metadata) stops orders-worker.service,
		// which finishes or abandons its message within 20 s, then completes the action
		// (the role allows it on this group only). If nothing completes it, the heartbeat
		// runs out and termination continues, so a broken drain delays, never blocks.
		this.workers.addLifecycleHook("Draining",
				BasicLifecycleHookProps.builder()
					.lifecycleTransition(LifecycleTransition.INSTANCE_TERMINATING)
					.heartbeatTimeout(Duration.seconds(60))
					.defaultResult(DefaultResult.CONTINUE)
					.build());
		WorkerSuppressions.apply(this.workers, role);
		// The deploy workflow refreshes this group's instances after a new worker AMI.
		CfnOutput.Builder.create(this, "WorkerGroupName")
			.value(this.workers.getAutoScalingGroupName())
			.description("The worker Auto Scaling group")
			.build();
	}

	public AutoScalingGroup workers() {
		return this.workers;
	}

}
