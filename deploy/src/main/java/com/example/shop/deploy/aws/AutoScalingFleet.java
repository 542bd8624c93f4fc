package com.example.shop.deploy.aws;

import com.example.shop.deploy.Colour;
import com.example.shop.deploy.Fleet;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * One Auto Scaling group per colour as a {@link Fleet}. A launch writes a new version of
 * the group's launch template with the new AMI and points the group at that version, so
 * the template's history says which AMI ran when and a rollback needs no new template.
 * Both groups sit behind their target groups: the group registers its instances with the
 * target group when they start and deregisters them before it terminates them.
 */
final class AutoScalingFleet implements Fleet {

	private final AutoScalingClient autoScaling;

	private final Ec2Client ec2;

	private final WebStackOutputs stack;

	AutoScalingFleet(AutoScalingClient autoScaling, Ec2Client ec2, WebStackOutputs stack) {
		this.autoScaling = autoScaling;
		this.ec2 = ec2;
		this.stack = stack;
	}

	/** The group's desired capacity, which is what it converges to. */
	@Override
	public int capacity(Colour colour) {
		return group(colour).desiredCapacity();
	}

	/**
	 * Refuses an idle group that still runs instances: they would run the previous AMI (a
	 * new template version does not replace running instances) and pass the health checks
	 * as if they were the new version.
	 */
	@Override
	public void launch(Colour colour, String amiId, int count) {
		AutoScalingGroup group = group(colour);
		if (group.desiredCapacity() > 0) {
			throw new IllegalStateException(colour + " still runs " + group.desiredCapacity()
					+ " instance(s) of an earlier version; retire it first");
		}
		LaunchTemplateSpecification template = group.launchTemplate();
		if (template == null) {
			throw new IllegalStateException(
					"group " + group.autoScalingGroupName() + " has no launch template to put the new AMI in");
		}
		Long version = this.ec2
			.createLaunchTemplateVersion((request) -> request.launchTemplateId(template.launchTemplateId())
				.sourceVersion(template.version())
				.versionDescription(colour + " on " + amiId)
				.launchTemplateData((data) -> data.imageId(amiId)))
			.launchTemplateVersion()
			.versionNumber();
		this.autoScaling.updateAutoScalingGroup((request) -> request.autoScalingGroupName(group.autoScalingGroupName())
			.launchTemplate((spec) -> spec.launchTemplateId(template.launchTemplateId()).version(version.toString()))
			.minSize(count)
			.desiredCapacity(count)
			.maxSize(Math.max(group.maxSize(), count)));
	}

	/**
	 * Asks the group for no instances. The group deregisters them from the target group
	 * first and terminates each only after the target group's deregistration delay, so
	 * requests in flight finish; this returns at once, before they are gone.
	 */
	@Override
	public void retire(Colour colour) {
		this.autoScaling.updateAutoScalingGroup(
				(request) -> request.autoScalingGroupName(this.stack.groupName(colour)).minSize(0).desiredCapacity(0));
	}

	private AutoScalingGroup group(Colour colour) {
		String name = this.stack.groupName(colour);
		return this.autoScaling.describeAutoScalingGroups((request) -> request.autoScalingGroupNames(name))
			.autoScalingGroups()
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Auto Scaling group " + name + " does not exist"));
	}

}
