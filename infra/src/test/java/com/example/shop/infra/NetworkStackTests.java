package com.example.shop.infra;

import java.util.List;
import java.util.Map;

import com.example.shop.infra.network.NetworkStack;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The network stack: three AZs, three tiers of subnets, flow logs, endpoints, and
 * security groups that admit only the traffic the architecture needs.
 */
class NetworkStackTests {

	private final NetworkStack network = Deployment.infra().network();

	private final Template template = Deployment.template(this.network);

	@Test
	void spansThreeAvailabilityZonesWithThreeSubnetsOfEachKind() {
		Map<String, Map<String, Object>> subnets = this.template.findResources("AWS::EC2::Subnet");

		assertThat(subnets).hasSize(9);
		assertThat(this.network.vpc().getPublicSubnets()).hasSize(3);
		assertThat(this.network.vpc().getPrivateSubnets()).hasSize(3);
		assertThat(this.network.vpc().getIsolatedSubnets()).hasSize(3);
		this.template.resourcePropertiesCountIs("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", true, "Tags",
				Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-type", "Value", "Public")))), 3);
		this.template.resourcePropertiesCountIs("AWS::EC2::Subnet",
				Map.of("Tags", Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-type", "Value", "Private")))), 3);
		this.template.resourcePropertiesCountIs("AWS::EC2::Subnet",
				Map.of("Tags", Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-type", "Value", "Isolated")))), 3);
	}

	@Test
	void demoDeploymentHasOneNatGateway() {
		this.template.resourceCountIs("AWS::EC2::NatGateway", 1);
	}

	@Test
	void productionDeploymentHasOneNatGatewayPerAvailabilityZone() {
		App app = Deployment.newApp();
		InfraSettings production = new InfraSettings("Prod", 3, null, "ami-0123456789abcdef0", "ami-0fedcba9876543210",
				null, true, BackupSettings.DEFAULTS);

		NetworkStack network = new NetworkStack(app, "Prod-Network", StackProps.builder().build(), production);

		Template.fromStack(network).resourceCountIs("AWS::EC2::NatGateway", 3);
	}

	@Test
	void logsAllVpcTrafficToCloudWatchLogs() {
		this.template.hasResourceProperties("AWS::EC2::FlowLog",
				Map.of("ResourceType", "VPC", "TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs"));
		this.template.resourceCountIs("AWS::Logs::LogGroup", 1);
	}

	@Test
	void reachesS3ThroughAGatewayEndpoint() {
		Map<String, Map<String, Object>> gateways = this.template.findResources("AWS::EC2::VPCEndpoint",
				Map.of("Properties", Map.of("VpcEndpointType", "Gateway")));

		assertThat(gateways.values()).map(NetworkStackTests::serviceName)
			.singleElement()
			.satisfies((name) -> assertThat(name).endsWith(".s3"));
	}

	@Test
	void reachesTheOtherAwsApisThroughPrivateInterfaceEndpointsInTheInstanceSubnets() {
		Map<String, Map<String, Object>> endpoints = this.template.findResources("AWS::EC2::VPCEndpoint",
				Map.of("Properties", Map.of("VpcEndpointType", "Interface", "PrivateDnsEnabled", true)));

		assertThat(endpoints).hasSize(7);
		assertThat(endpoints.values()).map(NetworkStackTests::serviceName)
			.allSatisfy((name) -> assertThat(name).startsWith("com.amazonaws."))
			.map((name) -> name.substring(name.lastIndexOf('.') + 1))
			.containsExactlyInAnyOrder("sqs", "secretsmanager", "ssm", "ssmmessages", "ec2messages", "logs",
					"monitoring");
	}

	@Test
	void admitsTheInternetToTheLoadBalancerOnHttpAndHttpsOnly() {
		List<Map<String, Object>> ingress = ingressOf("LoadBalancer");

		assertThat(ingress).extracting((rule) -> rule.get("CidrIp"), (rule) -> rule.get("FromPort"))
			.containsExactlyInAnyOrder(tuple("0.0.0.0/0", 443), tuple("0.0.0.0/0", 80));
	}

	@Test
	void letsTheLoadBalancerReachOnlyTheWebInstancesOnTheirPort() {
		this.template.hasResourceProperties("AWS::EC2::SecurityGroupEgress",
				Map.of("GroupId", ref("LoadBalancer"), "DestinationSecurityGroupId", ref("WebInstances"), "FromPort",
						8080, "ToPort", 8080, "IpProtocol", "tcp"));
		this.template.resourcePropertiesCountIs("AWS::EC2::SecurityGroupEgress", Map.of("GroupId", ref("LoadBalancer")),
				1);
	}

	@Test
	void admitsTheWebInstancesOnlyFromTheLoadBalancerOnPort8080() {
		Map<String, Map<String, Object>> ingress = this.template.findResources("AWS::EC2::SecurityGroupIngress",
				Map.of("Properties", Map.of("GroupId", ref("WebInstances"))));

		assertThat(ingress).hasSize(1);
		this.template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("GroupId", ref("WebInstances"),
				"SourceSecurityGroupId", ref("LoadBalancer"), "FromPort", 8080, "ToPort", 8080));
		assertThat(ingressOf("WebInstances")).isEmpty();
	}

	@Test
	void admitsNothingToTheWorkers() {
		assertThat(ingressOf("WorkerInstances")).isEmpty();
		this.template.resourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress",
				Map.of("GroupId", ref("WorkerInstances")), 0);
	}

	@Test
	void letsInstancesAndTheRotationFunctionOutOnlyToAwsApisAndTheDatabaseSubnets() {
		for (String group : List.of("WebInstances", "WorkerInstances", "SecretRotation")) {
			List<Map<String, Object>> egress = egressOf(group);

			assertThat(egress).extracting((rule) -> rule.get("FromPort")).containsOnly(443, 5432);
			assertThat(egress).filteredOn((rule) -> rule.get("FromPort").equals(443))
				.singleElement()
				.satisfies((rule) -> assertThat(rule).containsEntry("CidrIp", "0.0.0.0/0"));
			assertThat(egress).filteredOn((rule) -> rule.get("FromPort").equals(5432)).hasSize(3);
			this.template.resourcePropertiesCountIs("AWS::EC2::SecurityGroupEgress", Map.of("GroupId", ref(group)), 0);
		}
	}

	@Test
	void admitsHttpsToTheEndpointsFromTheInstancesOnly() {
		Map<String, Map<String, Object>> ingress = this.template.findResources("AWS::EC2::SecurityGroupIngress",
				Map.of("Properties", Map.of("GroupId", ref("Endpoints"))));

		assertThat(ingress.values()).map((rule) -> properties(rule).get("FromPort")).containsOnly(443);
		assertThat(ingress.values()).map((rule) -> properties(rule).get("SourceSecurityGroupId"))
			.containsExactlyInAnyOrder(ref("WebInstances"), ref("WorkerInstances"), ref("SecretRotation"));
		assertThat(ingressOf("Endpoints")).isEmpty();
	}

	@Test
	void awsSolutionsChecksFindNothingUnsuppressed() {
		Annotations annotations = Annotations.fromStack(this.network);

		List<SynthesisMessage> errors = annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
		List<SynthesisMessage> warnings = annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));

		assertThat(errors).map(NetworkStackTests::describe).isEmpty();
		assertThat(warnings).map(NetworkStackTests::describe).isEmpty();
	}

	private Map<String, Object> ref(String groupId) {
		return Map.of("Fn::GetAtt", List.of(logicalId(groupId), "GroupId"));
	}

	private String logicalId(String groupId) {
		Map<String, Map<String, Object>> groups = this.template.findResources("AWS::EC2::SecurityGroup");
		return groups.keySet().stream().filter((id) -> id.startsWith(groupId)).reduce((first, second) -> {
			throw new IllegalStateException("Two groups named " + groupId);
		}).orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> ingressOf(String groupId) {
		return (List<Map<String, Object>>) groupProperties(groupId).getOrDefault("SecurityGroupIngress", List.of());
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> egressOf(String groupId) {
		return (List<Map<String, Object>>) groupProperties(groupId).getOrDefault("SecurityGroupEgress", List.of());
	}

	private Map<String, Object> groupProperties(String groupId) {
		return properties(this.template.findResources("AWS::EC2::SecurityGroup").get(logicalId(groupId)));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> properties(Map<String, Object> resource) {
		return (Map<String, Object>) resource.get("Properties");
	}

	@SuppressWarnings("unchecked")
	private static String serviceName(Map<String, Object> endpoint) {
		Object name = properties(endpoint).get("ServiceName");
		if (name instanceof String text) {
			return text;
		}
		List<Object> parts = (List<Object>) ((Map<String, Object>) name).get("Fn::Join");
		List<Object> pieces = (List<Object>) parts.get(1);
		return pieces.stream().map((piece) -> (piece instanceof String text) ? text : "").reduce("", String::concat);
	}

	static String describe(SynthesisMessage message) {
		return message.getId() + ": " + message.getEntry().getData();
	}

}
