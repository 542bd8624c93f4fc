package com.example.shop.infra.instances;

import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.services.ec2.IMachineImage;
import software.amazon.awscdk.services.ec2.MachineImageConfig;
import software.amazon.awscdk.services.ec2.OperatingSystemType;
import software.amazon.awscdk.services.ec2.UserData;
import software.constructs.Construct;

/**
 * The baked AMI as a stack parameter of type {@code AWS::EC2::Image::Id}, defaulting to
 * the AMI in the settings. A parameter keeps the template environment-agnostic (an AMI
 * map would name regions, a lookup would need an account at synthesis), lets
 * CloudFormation check at deploy time that the image exists, and lets a deploy move a
 * group to a new AMI by changing that group's parameter only.
 */
public final class BakedImage implements IMachineImage {

	private final CfnParameter amiId;

	/**
	 * Declares the parameter.
	 * @param scope the stack that launches the image
	 * @param id the parameter's logical id
	 * @param defaultAmiId the AMI in the settings
	 * @param description what the parameter selects, shown by CloudFormation
	 */
	public BakedImage(Construct scope, String id, String defaultAmiId, String description) {
		this.amiId = CfnParameter.Builder.create(scope, id)
			.type("AWS::EC2::Image::Id")
			.defaultValue(defaultAmiId)
			.description(description)
			.build();
	}

	@Override
	public MachineImageConfig getImage(Construct scope) {
		return MachineImageConfig.builder()
			.imageId(this.amiId.getValueAsString())
			.osType(OperatingSystemType.LINUX)
			.userData(UserData.forLinux())
			.build();
	}

}
