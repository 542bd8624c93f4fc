package com.example.shop.deploy.aws;

import java.util.Map;

import com.example.shop.deploy.Colour;
import org.junit.jupiter.api.Test;

import static com.example.shop.deploy.aws.TestClients.STACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AutoScalingFleetTests {

	private static final String AUTO_SCALING = "http://autoscaling.amazonaws.com/doc/2011-01-01/";

	private static final String AMI = "ami-0abcdef1234567890";

	@Test
	void capacityIsTheGroupsDesiredCapacity() {
		RecordingHttpClient http = answering(group("Orders-Web-BlueInstances", 3, 6));

		int capacity = fleet(http).capacity(Colour.BLUE);

		assertThat(capacity).isEqualTo(3);
		assertThat(http.requests().getFirst().form()).containsEntry("Action", "DescribeAutoScalingGroups")
			.containsEntry("AutoScalingGroupNames.member.1", "Orders-Web-BlueInstances");
	}

	@Test
	void launchWritesATemplateVersionWithTheAmiAndPointsTheGroupAtThatVersion() {
		RecordingHttpClient http = answering(group("Orders-Web-GreenInstances", 0, 6));

		fleet(http).launch(Colour.GREEN, AMI, 2);

		assertThat(http.actions()).containsExactly("DescribeAutoScalingGroups", "CreateLaunchTemplateVersion",
				"UpdateAutoScalingGroup");
		assertThat(http.requests().get(1).form()).containsEntry("LaunchTemplateId", "lt-0green")
			.containsEntry("SourceVersion", "3")
			.containsEntry("VersionDescription", "green on " + AMI)
			.containsEntry("LaunchTemplateData.ImageId", AMI);
		assertThat(http.requests().get(2).form()).containsEntry("AutoScalingGroupName", "Orders-Web-GreenInstances")
			.containsEntry("LaunchTemplate.LaunchTemplateId", "lt-0green")
			.containsEntry("LaunchTemplate.Version", "4")
			.containsEntry("MinSize", "2")
			.containsEntry("DesiredCapacity", "2")
			.containsEntry("MaxSize", "6");
	}

	@Test
	void launchRaisesTheMaximumWhenTheCountExceedsIt() {
		RecordingHttpClient http = answering(group("Orders-Web-GreenInstances", 0, 6));

		fleet(http).launch(Colour.GREEN, AMI, 8);

		assertThat(http.requests().get(2).form()).containsEntry("DesiredCapacity", "8").containsEntry("MaxSize", "8");
	}

	@Test
	void launchRefusesAnIdleGroupThatStillRunsInstancesOfAnEarlierVersion() {
		RecordingHttpClient http = answering(group("Orders-Web-GreenInstances", 2, 6));

		assertThatIllegalStateException().isThrownBy(() -> fleet(http).launch(Colour.GREEN, AMI, 2))
			.withMessage("green still runs 2 instance(s) of an earlier version; retire it first");
		assertThat(http.actions()).containsExactly("DescribeAutoScalingGroups");
	}

	@Test
	void retireAsksTheGroupForNoInstancesAndNothingElse() {
		RecordingHttpClient http = answering(group("unused", 0, 0));

		fleet(http).retire(Colour.BLUE);

		assertThat(http.requests().getFirst().form())
			.containsExactlyInAnyOrderEntriesOf(Map.of("Action", "UpdateAutoScalingGroup", "Version", "2011-01-01",
					"AutoScalingGroupName", "Orders-Web-BlueInstances", "MinSize", "0", "DesiredCapacity", "0"));
	}

	private static String group(String name, int desired, int max) {
		return """
				<DescribeAutoScalingGroupsResponse xmlns="%s">
				  <DescribeAutoScalingGroupsResult>
				    <AutoScalingGroups>
				      <member>
				        <AutoScalingGroupName>%s</AutoScalingGroupName>
				        <LaunchTemplate>
				          <LaunchTemplateId>lt-0green</LaunchTemplateId>
				          <LaunchTemplateName>OrdersWebGreenTemplate</LaunchTemplateName>
				          <Version>3</Version>
				        </LaunchTemplate>
				        <MinSize>%d</MinSize>
				        <MaxSize>%d</MaxSize>
				        <DesiredCapacity>%d</DesiredCapacity>
				        <HealthCheckType>ELB</HealthCheckType>
				        <Instances/>
				      </member>
				    </AutoScalingGroups>
				  </DescribeAutoScalingGroupsResult>
				  <ResponseMetadata><RequestId>1b2c</RequestId></ResponseMetadata>
				</DescribeAutoScalingGroupsResponse>
				""".formatted(AUTO_SCALING, name, desired, max, desired);
	}

	/** EC2's Query flavour: no Result wrapper, lower-camel element names. */
	private static final String NEW_VERSION = """
			<CreateLaunchTemplateVersionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
			  <requestId>65cadec1-b364-4354-8ca8-4176dexample</requestId>
			  <launchTemplateVersion>
			    <launchTemplateId>lt-0green</launchTemplateId>
			    <launchTemplateName>OrdersWebGreenTemplate</launchTemplateName>
			    <versionNumber>4</versionNumber>
			    <versionDescription>green on ami-0abcdef1234567890</versionDescription>
			    <defaultVersion>false</defaultVersion>
			  </launchTemplateVersion>
			</CreateLaunchTemplateVersionResponse>
			""";

	private static final String UPDATED = """
			<UpdateAutoScalingGroupResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
			  <ResponseMetadata><RequestId>8d1e</RequestId></ResponseMetadata>
			</UpdateAutoScalingGroupResponse>
			""";

	private static RecordingHttpClient answering(String group) {
		return new RecordingHttpClient((request) -> CannedResponse.xml(switch (request.action()) {
			case "DescribeAutoScalingGroups" -> group;
			case "CreateLaunchTemplateVersion" -> NEW_VERSION;
			default -> UPDATED;
		}));
	}

	private static AutoScalingFleet fleet(RecordingHttpClient http) {
		AwsClients aws = TestClients.over(http);
		return new AutoScalingFleet(aws.autoScaling(), aws.ec2(), STACK);
	}

}
