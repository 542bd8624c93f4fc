package com.example.shop.infra.instances;

import java.util.List;

import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.LaunchTemplateHttpTokens;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * A launch template for a baked AMI, hardened the same way for every tier: the instance
 * metadata service answers IMDSv2 only and one hop away, detailed monitoring is on, and
 * the root volume is encrypted gp3. What a tier chooses is passed in; what keeps its
 * instances safe is not a choice.
 */
public final class HardenedLaunchTemplate {

	/** The root device of Amazon Linux 2023, which the baked AMIs are built from. */
	private static final String ROOT_DEVICE = "/dev/xvda";

	private HardenedLaunchTemplate() {
	}

	/**
	 * Builds the template.
	 * @param scope the tier's stack
	 * @param id the template's logical id
	 * @param image the tier's AMI
	 * @param instanceType the tier's instance type
	 * @param role the tier's instance role
	 * @param securityGroup the tier's security group
	 * @param userData the tier's dynamic configuration
	 * @return the template
	 */
	public static LaunchTemplate create(Construct scope, String id, BakedImage image, InstanceType instanceType,
			IRole role, ISecurityGroup securityGroup, UserData userData) {
		return LaunchTemplate.Builder.create(scope, id)
			.machineImage(image)
			.instanceType(instanceType)
			.role(role)
			.securityGroup(securityGroup)
			.userData(userData)
			.requireImdsv2(true)
			.httpTokens(LaunchTemplateHttpTokens.REQUIRED)
			// One hop: containers on the instance cannot reach its credentials.
			.httpPutResponseHopLimit(1)
			.detailedMonitoring(true)
			.blockDevices(List.of(BlockDevice.builder()
				.deviceName(ROOT_DEVICE)
				.volume(BlockDeviceVolume.ebs(16,
						EbsDeviceOptions.builder().encrypted(true).volumeType(EbsDeviceVolumeType.GP3).build()))
				.build()))
			.build();
	}

}
