package com.example.shop.infra;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.example.shop.infra.faults.FaultInjectionStack;
import com.example.shop.infra.observability.ObservabilityStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each lab fault with an AWS equivalent is an FIS experiment that does that fault and no
 * more: its action and targets, a stop on the customer-impact alarm, and a role that may
 * touch only what the fault needs.
 */
class FaultInjectionStackTests {

	/**
	 * Actions without resource-level permissions: read-only, or FIS's own log delivery.
	 */
	private static final List<String> UNSCOPABLE = List.of("ec2:DescribeInstances", "ec2:DescribeNetworkAcls",
			"ec2:DescribeSubnets", "ec2:DescribeVpcs", "ec2:DescribeManagedPrefixLists", "ssm:ListCommands",
			"ssm:CancelCommand", "logs:CreateLogDelivery", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
			"logs:DescribeLogGroups");

	private static final FaultInjectionStack stack = Deployment.infra().faults();

	/** Synthesized once: every synthesis writes the cloud assembly again. */
	private static final Template template = Deployment.template(stack);

	static Stream<CfnExperimentTemplate> experiments() {
		return Stream.of(stack.terminateWebInstances(), stack.databaseFailover(), stack.queueImpairment(),
				stack.killWorker(), stack.zoneNetworkDisruption());
	}

	@Test
	void oneExperimentPerFaultWithAnAwsEquivalent() {
		template.resourceCountIs("AWS::FIS::ExperimentTemplate", 5);
		assertThat(experiments().map((experiment) -> experiment.getTags().tagValues().get("Name"))).containsExactly(
				"terminate-web-instances-in-one-az", "rds-failover", "sqs-impairment", "kill-worker",
				"az-network-disruption");
	}

	@ParameterizedTest
	@MethodSource("experiments")
	void stopsWhenCustomersAreHurt(CfnExperimentTemplate experiment) {
		ObservabilityStack observability = Deployment.infra().observability();
		String customerImpact = observability
			.getLogicalId((CfnAlarm) observability.customerImpact().getNode().getDefaultChild());

		List<?> stops = (List<?>) properties(experiment).get("StopConditions");

		assertThat(stops).singleElement().satisfies((stop) -> {
			assertThat(map(stop)).containsEntry("Source", "aws:cloudwatch:alarm");
			assertThat(String.valueOf(map(stop).get("Value"))).contains(customerImpact);
		});
	}

	@ParameterizedTest
	@MethodSource("experiments")
	void logsToTheExperimentLogGroup(CfnExperimentTemplate experiment) {
		String log = ObservabilityStackTests.single(template.findResources("AWS::Logs::LogGroup"));

		assertThat(properties(experiment).get("LogConfiguration")).isEqualTo(Map.of("CloudWatchLogsConfiguration",
				Map.of("LogGroupArn", Map.of("Fn::GetAtt", List.of(log, "Arn"))), "LogSchemaVersion", 2));
	}

	@ParameterizedTest
	@MethodSource("experiments")
	void actsThroughItsOwnRoleThatOnlyFisMayAssume(CfnExperimentTemplate experiment) {
		Map<String, Object> role = properties(template.toJSON(), roleOf(experiment));

		assertThat(String.valueOf(role.get("AssumeRolePolicyDocument"))).contains("Service=fis.amazonaws.com",
				"aws:SourceAccount");
		assertThat(experiments().filter((other) -> other != experiment).map(this::roleOf))
			.doesNotContain(roleOf(experiment));
	}

	@ParameterizedTest
	@MethodSource("experiments")
	void roleGrantsEveryResourceWildcardOnlyForUnscopableActionsInThisRegion(CfnExperimentTemplate experiment) {
		List<Map<String, Object>> statements = statements(properties(template.toJSON(), roleOf(experiment)));

		assertThat(statements).filteredOn((statement) -> "*".equals(statement.get("Resource")))
			.singleElement()
			.satisfies((statement) -> {
				assertThat(actions(statement)).isSubsetOf(UNSCOPABLE);
				assertThat(String.valueOf(statement.get("Condition"))).contains("aws:RequestedRegion");
			});
		assertThat(statements).filteredOn((statement) -> !"*".equals(statement.get("Resource")))
			.allSatisfy((statement) -> assertThat(actions(statement)).doesNotContainAnyElementsOf(UNSCOPABLE));
	}

	@Test
	void terminatesEveryBlueWebInstanceInOneZone() {
		Map<String, Object> experiment = properties(stack.terminateWebInstances());

		assertThat(String.valueOf(experiment.get("Actions"))).contains("ActionId=aws:ec2:terminate-instances",
				"Instances=webInstances");
		Map<String, Object> target = map(map(experiment.get("Targets")).get("webInstances"));
		assertThat(target).containsEntry("ResourceType", "aws:ec2:instance").containsEntry("SelectionMode", "ALL");
		assertThat(String.valueOf(target.get("ResourceTags"))).contains("aws:autoscaling:groupName", "BlueInstances");
		assertThat(String.valueOf(target.get("Filters"))).contains("Path=Placement.AvailabilityZone",
				"Fn::Select=[0, {Fn::GetAZs=}]");
	}

	@Test
	void terminatesOnlyInstancesTaggedWithTheBlueGroup() {
		List<Map<String, Object>> statements = statements(
				properties(template.toJSON(), roleOf(stack.terminateWebInstances())));

		assertThat(statements).filteredOn((statement) -> actions(statement).contains("ec2:TerminateInstances"))
			.singleElement()
			.satisfies((statement) -> assertThat(String.valueOf(statement.get("Condition")))
				.contains("ec2:ResourceTag/aws:autoscaling:groupName", "BlueInstances"));
	}

	@Test
	void failsTheDatabaseOverToItsStandby() {
		Map<String, Object> experiment = properties(stack.databaseFailover());

		assertThat(String.valueOf(experiment.get("Actions"))).contains("ActionId=aws:rds:reboot-db-instances",
				"forceFailover=true", "DBInstances=database");
		assertThat(String.valueOf(experiment.get("Targets"))).contains("ResourceType=aws:rds:db", "Orders-Data",
				":db:");
		assertThat(statements(properties(template.toJSON(), roleOf(stack.databaseFailover()))))
			.anySatisfy((statement) -> assertThat(String.valueOf(statement.get("Resource"))).contains(":db:"));
	}

	@Test
	void impairsTheQueueThroughItsOwnAutomationDocument() {
		Map<String, Object> experiment = properties(stack.queueImpairment());
		Map<String, Object> document = ObservabilityStackTests
			.properties(template.findResources("AWS::SSM::Document").values().iterator().next());

		assertThat(String.valueOf(experiment.get("Actions"))).contains("ActionId=aws:ssm:start-automation-execution",
				"document/Orders-SqsImpairment", "QueueUrl", "AutomationAssumeRole", "maxDuration=PT10M");
		assertThat(document).containsEntry("DocumentType", "Automation").containsEntry("Name", "Orders-SqsImpairment");
		String content = String.valueOf(document.get("Content"));
		assertThat(content).contains("name=Deny", "name=Wait", "onCancel=step:Restore", "name=Restore",
				"sqs:SendMessage", "sqs:ReceiveMessage");
	}

	@Test
	void automationMayOnlyReadAndWriteTheOrdersQueuePolicy() {
		Object ssmMayAssume = Match.objectLike(Map.of("Statement",
				List.of(Match.objectLike(Map.of("Principal", Map.of("Service", "ssm.amazonaws.com"))))));
		Object ordersQueue = Map.of("Fn::ImportValue", Match.stringLikeRegexp("Orders-Data:.*Orders.*Arn.*"));
		Object queuePolicyOnly = Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of("Action",
				List.of("sqs:GetQueueAttributes", "sqs:SetQueueAttributes"), "Resource", ordersQueue)))));

		template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
				ssmMayAssume, "Policies", List.of(Match.objectLike(Map.of("PolicyDocument", queuePolicyOnly))))));
	}

	@Test
	void killsTheJavaProcessOfOneWorker() {
		Map<String, Object> experiment = properties(stack.killWorker());

		assertThat(String.valueOf(experiment.get("Actions"))).contains("ActionId=aws:ssm:send-command",
				"::document/AWSFIS-Run-Kill-Process",
				"documentParameters={\"ProcessName\":\"java\",\"Signal\":\"SIGKILL\"}", "duration=PT1M",
				"Instances=workerInstances");
		Map<String, Object> target = map(map(experiment.get("Targets")).get("workerInstances"));
		assertThat(target).containsEntry("SelectionMode", "COUNT(1)");
		assertThat(String.valueOf(target.get("ResourceTags"))).contains("aws:autoscaling:groupName", "Orders-Worker");
		assertThat(statements(properties(template.toJSON(), roleOf(stack.killWorker()))))
			.filteredOn((statement) -> String.valueOf(statement.get("Resource")).contains(":instance/*"))
			.singleElement()
			.satisfies((statement) -> assertThat(String.valueOf(statement.get("Condition")))
				.contains("ssm:resourceTag/aws:autoscaling:groupName", "Orders-Worker"));
	}

	@Test
	void cutsTheInstanceSubnetOfOneZoneOffForFiveMinutes() {
		Map<String, Object> experiment = properties(stack.zoneNetworkDisruption());

		assertThat(String.valueOf(experiment.get("Actions"))).contains("ActionId=aws:network:disrupt-connectivity",
				"scope=all", "duration=PT5M", "Subnets=instanceSubnets");
		Map<String, Object> target = map(map(experiment.get("Targets")).get("instanceSubnets"));
		assertThat(target).containsEntry("ResourceType", "aws:ec2:subnet").containsEntry("SelectionMode", "ALL");
		assertThat((List<?>) target.get("ResourceArns")).singleElement()
			.satisfies((arn) -> assertThat(String.valueOf(arn)).contains(":subnet/", "instancesSubnet1"));
	}

	@Test
	void awsSolutionsChecksFindNothingUnsuppressed() {
		Annotations annotations = Annotations.fromStack(stack);

		assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
		assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
	}

	private Map<String, Object> properties(CfnExperimentTemplate experiment) {
		return properties(template.toJSON(), stack.getLogicalId(experiment));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(Map<String, Object> json, String logicalId) {
		Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) json.get("Resources");
		return ObservabilityStackTests.properties(resources.get(logicalId));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private String roleOf(CfnExperimentTemplate experiment) {
		Map<?, ?> roleArn = (Map<?, ?>) properties(experiment).get("RoleArn");
		return (String) ((List<?>) roleArn.get("Fn::GetAtt")).get(0);
	}

	private static List<Map<String, Object>> statements(Map<String, Object> role) {
		Map<?, ?> policy = (Map<?, ?>) ((List<?>) role.get("Policies")).get(0);
		return ((List<?>) ((Map<?, ?>) policy.get("PolicyDocument")).get("Statement")).stream()
			.map(FaultInjectionStackTests::map)
			.toList();
	}

	private static Collection<String> actions(Map<String, Object> statement) {
		Object action = statement.get("Action");
		return (action instanceof List<?> list) ? list.stream().map(String::valueOf).toList()
				: List.of(String.valueOf(action));
	}

}
