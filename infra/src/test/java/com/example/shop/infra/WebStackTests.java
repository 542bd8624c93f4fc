package com.example.shop.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.example.shop.infra.web.WebStack;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web stack: what the load balancer checks and how it drains, how traffic is split
 * between the colours, how instances are launched and scaled, and what they may reach.
 */
class WebStackTests {

	private static final Map<Stack, Template> TEMPLATES = new ConcurrentHashMap<>();

	private static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100";

	private static final WebStack web = infra().web();

	/** Synthesized once: each synthesis of the shared app takes seconds. */
	private static final Template template = Template.fromStack(web);

	@Test
	void bothColoursCheckReadinessAndOutwaitTheApplicationsDeregistrationDelay() {
		Map<String, Map<String, Object>> groups = template.findResources("AWS::ElasticLoadBalancingV2::TargetGroup");

		assertThat(groups).hasSize(2);
		template.allResourcesProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of("Port", 8080, "Protocol",
				"HTTP", "TargetType", "instance", "HealthCheckPath", "/readyz", "HealthCheckIntervalSeconds", 5,
				"HealthCheckTimeoutSeconds", 2, "HealthyThresholdCount", 2, "UnhealthyThresholdCount", 2, "Matcher",
				Map.of("HttpCode", "200"), "TargetGroupAttributes",
				Match.arrayWith(List.of(Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "15")))));
	}

	@Test
	void listenerSendsAllTrafficToBlueAndNoneToGreen() {
		template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "Protocol", "HTTP",
				"DefaultActions",
				List.of(Map.of("Type", "forward", "ForwardConfig",
						Map.of("TargetGroups", List.of(Map.of("TargetGroupArn", ref(web, web.blue()), "Weight", 100),
								Map.of("TargetGroupArn", ref(web, web.green()), "Weight", 0)))))));
	}

	@Test
	void tellsTheDeployerTheListenerTheTargetGroupsAndTheGroupsOfEachColour() {
		Map<String, Map<String, Object>> outputs = template.findOutputs("*");

		assertThat(outputs).containsKeys("ListenerArn", "BlueTargetGroupArn", "GreenTargetGroupArn", "BlueGroupName",
				"GreenGroupName", "LoadBalancerDnsName");
		assertThat(outputs.get("ListenerArn").get("Value")).isEqualTo(ref(web, web.listener()));
		assertThat(outputs.get("GreenTargetGroupArn").get("Value")).isEqualTo(ref(web, web.green()));
		assertThat(outputs.get("BlueGroupName").get("Value")).isEqualTo(ref(web, web.blueInstances()));
	}

	@Test
	void withoutACertificateServesPlainHttpOnly() {
		template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);

		template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "Protocol", "HTTP"));
	}

	@Test
	void withACertificateServesHttpsAndRedirectsHttpToIt() {
		InfraSettings settings = new InfraSettings("Tls", 1, CERTIFICATE, "ami-0123456789abcdef0",
				"ami-0fedcba9876543210", null, true, BackupSettings.DEFAULTS);

		WebStack tls = OrdersInfra.build(Deployment.newApp(), settings).web();

		Template tlsTemplate = Template.fromStack(tls);
		tlsTemplate.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
		tlsTemplate.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener",
				Map.of("Port", 443, "Protocol", "HTTPS", "SslPolicy",
						Match.stringLikeRegexp("ELBSecurityPolicy-TLS13-.*"), "Certificates",
						List.of(Map.of("CertificateArn", CERTIFICATE)), "DefaultActions",
						List.of(Match.objectLike(Map.of("Type", "forward")))));
		tlsTemplate.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener",
				Map.of("Port", 80, "Protocol", "HTTP", "DefaultActions", List.of(Map.of("Type", "redirect",
						"RedirectConfig", Map.of("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))));
		assertThat(tlsTemplate.findResources("AWS::ElasticLoadBalancingV2::Listener",
				Map.of("Properties", Map.of("Port", 443))))
			.containsOnlyKeys(tls.getLogicalId((CfnElement) tls.listener().getNode().getDefaultChild()));
		assertThat(findings(tls)).isEmpty();
	}

	@Test
	void launchTemplatesRequireImdsv2AndEncryptTheRootVolume() {
		template.resourceCountIs("AWS::EC2::LaunchTemplate", 2);

		template.allResourcesProperties("AWS::EC2::LaunchTemplate",
				Map.of("LaunchTemplateData", Match.objectLike(Map.of("InstanceType", "t4g.small", "MetadataOptions",
						Map.of("HttpTokens", "required", "HttpPutResponseHopLimit", 1), "Monitoring",
						Map.of("Enabled", true), "BlockDeviceMappings", List.of(Map.of("DeviceName", "/dev/xvda", "Ebs",
								Map.of("Encrypted", true, "VolumeType", "gp3", "VolumeSize", 16)))))));
		template.resourceCountIs("AWS::AutoScaling::LaunchConfiguration", 0);
	}

	@Test
	void eachColourTakesItsAmiFromItsOwnParameter() {
		template.hasParameter("BlueAmiId", Map.of("Type", "AWS::EC2::Image::Id", "Default", "ami-0123456789abcdef0"));
		template.hasParameter("GreenAmiId", Map.of("Type", "AWS::EC2::Image::Id", "Default", "ami-0123456789abcdef0"));

		template.hasResourceProperties("AWS::EC2::LaunchTemplate",
				Map.of("LaunchTemplateData", Match.objectLike(Map.of("ImageId", Map.of("Ref", "GreenAmiId")))));
	}

	@Test
	void eachColourSpreadsOverThreeZonesAndReplacesWhatTheLoadBalancerFindsUnhealthy() {
		Capture subnets = new Capture();

		template.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup",
				Map.of("MinSize", "2", "MaxSize", "6", "DesiredCapacity", Match.absent(), "HealthCheckType", "ELB",
						"HealthCheckGracePeriod", 90, "VPCZoneIdentifier", subnets, "TargetGroupARNs",
						List.of(ref(web, web.blue()))));
		template.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup",
				Map.of("MinSize", "0", "MaxSize", "6", "DesiredCapacity", Match.absent(), "HealthCheckType", "ELB",
						"TargetGroupARNs", List.of(ref(web, web.green()))));
		template.allResourcesProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("InstanceMaintenancePolicy",
				Map.of("MinHealthyPercentage", 100, "MaxHealthyPercentage", 200), "DefaultInstanceWarmup", 60));

		assertThat(subnets.asArray()).hasSize(3).doesNotHaveDuplicates();
	}

	@Test
	void launchTemplatesTellTheAppItsColourItsZoneAndWhereTheQueueBucketAndSecretAre() {
		Object queueName = exported(infra().data(), infra().data().orders(), "QueueName");
		Object bucket = exported(infra().data(), infra().data().receipts(), "Ref");

		for (String colour : List.of("blue", "green")) {
			List<Object> lines = userData(template, colour);
			// The app resolves the queue's URL from its name (orders.outbox.queue).
			assertThat(lines).containsSequence("\nORDERS_OUTBOX_QUEUE=", queueName)
				.containsSequence("\nORDERS_RECEIPTS_BUCKET=", bucket)
				.contains("\nDB_SECRET_ARN=")
				.anySatisfy((line) -> assertThat(line).asString().contains("ORDERS_COLOUR=" + colour))
				.anySatisfy((line) -> assertThat(line).asString()
					.contains("ORDERS_ZONE=$(curl")
					.contains("meta-data/placement/availability-zone"));
		}
	}

	@Test
	void eachColourScalesOnRequestsPerTarget() {
		template.resourceCountIs("AWS::AutoScaling::ScalingPolicy", 2);

		template.allResourcesProperties("AWS::AutoScaling::ScalingPolicy",
				Map.of("PolicyType", "TargetTrackingScaling", "TargetTrackingConfiguration",
						Match.objectLike(Map.of("TargetValue", 500, "PredefinedMetricSpecification",
								Match.objectLike(Map.of("PredefinedMetricType", "ALBRequestCountPerTarget"))))));
	}

	@Test
	void instancesReachOnlyTheOrdersQueueTheReceiptsAndTheDatabaseSecret() {
		OrdersInfra infra = infra();
		List<Map<String, Object>> statements = statements(template);

		Object queueArn = exported(infra.data(), infra.data().orders(), "Arn");
		Object bucketArn = exported(infra.data(), infra.data().receipts(), "Arn");
		Object secretArn = exported(infra.data(), infra.data().databaseSecret(), "Ref");

		assertThat(resourcesAllowing(statements, "sqs:SendMessage")).containsOnly(queueArn);
		assertThat(resourcesAllowing(statements, "s3:GetObject*")).containsOnly(bucketArn,
				objectsUnder(bucketArn, "/receipts/*"));
		assertThat(resourcesAllowing(statements, "secretsmanager:GetSecretValue")).containsOnly(secretArn);
		assertThat(actionsOnEveryResource(statements)).containsExactly("cloudwatch:PutMetricData");
	}

	@Test
	void awsSolutionsChecksFindNothingUnsuppressed() {
		assertThat(findings(web)).isEmpty();
	}

	/** The demo deployment, shared with the other stacks' tests. */
	static OrdersInfra infra() {
		return Deployment.infra();
	}

	static List<String> findings(Stack stack) {
		Annotations annotations = Annotations.fromStack(stack);
		return Stream
			.concat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream(),
					annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream())
			.map((message) -> message.getId() + ": " + message.getEntry().getData())
			.toList();
	}

	/**
	 * The parts of the user data of the launch template whose logical id starts with
	 * {@code name}: strings and the references between them.
	 */
	@SuppressWarnings("unchecked")
	static List<Object> userData(Template template, String name) {
		return template.findResources("AWS::EC2::LaunchTemplate")
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().toLowerCase().startsWith(name.toLowerCase()))
			.map((entry) -> (Map<String, Object>) entry.getValue().get("Properties"))
			.map((properties) -> (Map<String, Object>) properties.get("LaunchTemplateData"))
			.map((data) -> (Map<String, Object>) ((Map<String, Object>) data.get("UserData")).get("Fn::Base64"))
			.map((base64) -> (List<Object>) ((List<Object>) base64.get("Fn::Join")).get(1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No launch template " + name));
	}

	static Map<String, String> ref(Stack stack, IConstruct construct) {
		return Map.of("Ref", stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild()));
	}

	/**
	 * How another stack refers to an attribute of a resource of {@code producer}: the
	 * import of the export the CDK made for it.
	 * @param attribute {@code Ref} or the name of a {@code Fn::GetAtt} attribute
	 */
	static Object exported(Stack producer, IConstruct resource, String attribute) {
		String logicalId = producer.getLogicalId((CfnElement) resource.getNode().getDefaultChild());
		Object value = "Ref".equals(attribute) ? Map.of("Ref", logicalId)
				: Map.of("Fn::GetAtt", List.of(logicalId, attribute));
		return TEMPLATES.computeIfAbsent(producer, Template::fromStack)
			.findOutputs("*")
			.values()
			.stream()
			.filter((output) -> value.equals(output.get("Value")) && output.containsKey("Export"))
			.map((output) -> (Object) Map.of("Fn::ImportValue", ((Map<?, ?>) output.get("Export")).get("Name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No export of " + value + " in " + producer.getStackName()));
	}

	static Object objectsUnder(Object bucketArn, String pattern) {
		return Map.of("Fn::Join", List.of("", List.of(bucketArn, pattern)));
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> statements(Template template) {
		return template.findResources("AWS::IAM::Policy")
			.values()
			.stream()
			.map((policy) -> (Map<String, Object>) ((Map<String, Object>) policy.get("Properties"))
				.get("PolicyDocument"))
			.flatMap((document) -> ((List<Map<String, Object>>) document.get("Statement")).stream())
			.toList();
	}

	static List<Object> resourcesAllowing(List<Map<String, Object>> statements, String action) {
		return statements.stream()
			.filter((statement) -> asList(statement.get("Action")).contains(action))
			.flatMap((statement) -> asList(statement.get("Resource")).stream())
			.toList();
	}

	static Set<Object> actionsOnEveryResource(List<Map<String, Object>> statements) {
		return statements.stream()
			.filter((statement) -> asList(statement.get("Resource")).contains("*"))
			.flatMap((statement) -> asList(statement.get("Action")).stream())
			.collect(Collectors.toSet());
	}

	private static List<Object> asList(Object value) {
		return (value instanceof Collection<?> values) ? new ArrayList<>(values) : List.of(value);
	}

}
