package com.example.shop.infra;

import java.util.List;
import java.util.Map;

import com.example.shop.infra.observability.ObservabilityStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarms wake a human for each way the game days showed customers can be hurt, and
 * the customer-impact alarm, which stops every fault experiment, measures a rate.
 */
class ObservabilityStackTests {

	private static final ObservabilityStack stack = Deployment.infra().observability();

	/** Synthesized once: every synthesis writes the cloud assembly again. */
	private static final Template template = Deployment.template(stack);

	@Test
	void everyAlarmNotifiesTheAlarmTopicAndSaysWhatToCheck() {
		String topic = single(template.findResources("AWS::SNS::Topic"));

		Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");

		assertThat(alarms).hasSize(10);
		assertThat(alarms.values()).allSatisfy((alarm) -> {
			Map<String, Object> properties = properties(alarm);
			assertThat(properties.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", topic)));
			assertThat((String) properties.get("AlarmDescription")).contains(": check");
		});
	}

	@ParameterizedTest
	@CsvSource({ "TargetResponseTime, p99, 1, GreaterThanThreshold, 3",
			"UnHealthyHostCount, Maximum, 0, GreaterThanThreshold, 2",
			"ApproximateNumberOfMessagesVisible, Maximum, 1, GreaterThanOrEqualToThreshold, 1",
			"ApproximateAgeOfOldestMessage, Maximum, 300, GreaterThanThreshold, 1",
			"CPUUtilization, Average, 80, GreaterThanThreshold, 5",
			"FreeStorageSpace, Minimum, 2147483648, LessThanThreshold, 1",
			"DatabaseConnections, Maximum, 80, GreaterThanThreshold, 3",
			"outbox.pending, Maximum, 1000, GreaterThanThreshold, 5" })
	void alarmsOnMetricAboveOrBelowItsThreshold(String metric, String statistic, long threshold, String comparison,
			int minutes) {
		template.hasResourceProperties("AWS::CloudWatch::Alarm",
				Match.objectLike(Map.of("MetricName", metric, statKey(statistic), statistic, "Threshold", threshold,
						"ComparisonOperator", comparison, "EvaluationPeriods", minutes, "DatapointsToAlarm", minutes,
						"TreatMissingData", "notBreaching")));
	}

	@Test
	void unhealthyHostsAlarmOnceForEachColour() {
		Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm",
				Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("MetricName", "UnHealthyHostCount")))));

		assertThat(alarms.keySet()).satisfiesExactlyInAnyOrder((id) -> assertThat(id).startsWith("BlueUnhealthyHosts"),
				(id) -> assertThat(id).startsWith("GreenUnhealthyHosts"));
	}

	@Test
	void outboxBacklogIsReadFromTheApplicationsOwnMetric() {
		template.hasResourceProperties("AWS::CloudWatch::Alarm",
				Match.objectLike(Map.of("Namespace", "Orders", "MetricName", "outbox.pending")));
	}

	@Test
	void customerImpactIsTheShareOfRequestsAnswered5xxOver3Minutes() {
		String customerImpact = stack.getLogicalId((CfnAlarm) stack.customerImpact().getNode().getDefaultChild());

		Map<String, Map<String, Object>> rateAlarms = template
			.findResources("AWS::CloudWatch::Alarm",
					Match.objectLike(Map.of("Properties",
							Match.objectLike(Map.of("Threshold", 1, "ComparisonOperator", "GreaterThanThreshold",
									"EvaluationPeriods", 3, "DatapointsToAlarm", 3, "Metrics",
									Match.arrayWith(List.of(Match.objectLike(Map.of("Expression",
											"100 * (FILL(elb5xx, 0) + FILL(target5xx, 0)) / requests", "ReturnData",
											true)))))))));

		assertThat(rateAlarms).containsOnlyKeys(customerImpact);
		assertThat(String.valueOf(properties(rateAlarms.get(customerImpact)).get("Metrics"))).contains("Id=elb5xx",
				"HTTPCode_ELB_5XX_Count", "Id=target5xx", "HTTPCode_Target_5XX_Count", "Id=requests", "RequestCount");
	}

	@Test
	void alarmTopicIsEncryptedWithAKeyCloudWatchMayUse() {
		String key = single(template.findResources("AWS::KMS::Key"));

		template.hasResourceProperties("AWS::SNS::Topic",
				Map.of("KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn"))));
		Object cloudWatchMayUseTheKey = Match
			.objectLike(Map.of("Principal", Map.of("Service", "cloudwatch.amazonaws.com"), "Action",
					List.of("kms:Decrypt", "kms:GenerateDataKey*")));
		template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true, "KeyPolicy",
				Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(cloudWatchMayUseTheKey)))))));
	}

	@Test
	void alarmTopicRefusesRequestsWithoutTls() {
		Object denyWithoutTls = Match
			.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));

		template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument",
				Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(denyWithoutTls)))))));
	}

	@Test
	void alarmsAreMailedToTheConfiguredAddress() {
		template.hasResourceProperties("AWS::SNS::Subscription",
				Match.objectLike(Map.of("Protocol", "email", "Endpoint", "ops@example.com")));
	}

	@Test
	void failoverDashboardIsNamedAfterTheDeployment() {
		template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
		template.hasResourceProperties("AWS::CloudWatch::Dashboard",
				Match.objectLike(Map.of("DashboardName", "Orders-failover")));
	}

	@Test
	void tellsTheDeployerWhichAlarmsStopADeployment() {
		Object names = template.findOutputs("DeployAlarmNames").get("DeployAlarmNames").get("Value");

		String customerImpact = stack.getLogicalId((CfnElement) stack.customerImpact().getNode().getDefaultChild());
		assertThat(names).isEqualTo(Map.of("Fn::Join", List.of(",",
				List.of(Map.of("Ref", customerImpact), Map.of("Ref", logicalIdOfAlarmOn("TargetResponseTime"))))));
	}

	@Test
	void awsSolutionsChecksFindNothingUnsuppressed() {
		Annotations annotations = Annotations.fromStack(stack);

		assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
		assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
	}

	private static String statKey(String statistic) {
		return statistic.startsWith("p") ? "ExtendedStatistic" : "Statistic";
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> properties(Map<String, Object> resource) {
		return (Map<String, Object>) resource.get("Properties");
	}

	static String single(Map<String, ?> resources) {
		assertThat(resources).hasSize(1);
		return resources.keySet().iterator().next();
	}

	private static String logicalIdOfAlarmOn(String metricName) {
		return template.findResources("AWS::CloudWatch::Alarm", Map.of("Properties", Map.of("MetricName", metricName)))
			.keySet()
			.iterator()
			.next();
	}

}
