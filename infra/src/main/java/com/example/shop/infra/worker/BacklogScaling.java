package com.example.shop.infra.worker;

import java.util.List;

import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.CfnScalingPolicy;
import software.amazon.awscdk.services.autoscaling.CfnScalingPolicy.CustomizedMetricSpecificationProperty;
import software.amazon.awscdk.services.autoscaling.CfnScalingPolicy.MetricDimensionProperty;
import software.amazon.awscdk.services.autoscaling.CfnScalingPolicy.MetricProperty;
import software.amazon.awscdk.services.autoscaling.CfnScalingPolicy.TargetTrackingConfigurationProperty;
import software.amazon.awscdk.services.autoscaling.CfnScalingPolicy.TargetTrackingMetricDataQueryProperty;
import software.amazon.awscdk.services.autoscaling.CfnScalingPolicy.TargetTrackingMetricStatProperty;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Target tracking on the backlog per instance: messages visible in the queue divided by
 * the workers in service, the metric AWS recommends for queue consumers. The CDK's L2
 * target tracking takes one metric, not metric math, so the policy is written in
 * CloudFormation terms.
 */
final class BacklogScaling {

	/**
	 * Messages one worker may have waiting: about 10 s of work at the measured rate of
	 * some ten receipts a second per instance, so a receipt waits seconds, not minutes.
	 */
	static final int MESSAGES_PER_INSTANCE = 100;

	/** The expression over the two queries below. */
	static final String EXPRESSION = "visible / inService";

	private BacklogScaling() {
	}

	static CfnScalingPolicy attach(Construct scope, AutoScalingGroup workers, IQueue orders) {
		return CfnScalingPolicy.Builder.create(scope, "BacklogPerInstance")
			.autoScalingGroupName(workers.getAutoScalingGroupName())
			.policyType("TargetTrackingScaling")
			.targetTrackingConfiguration(TargetTrackingConfigurationProperty.builder()
				.targetValue(MESSAGES_PER_INSTANCE)
				.customizedMetricSpecification(CustomizedMetricSpecificationProperty.builder()
					.metrics(List.of(
							query("visible", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
									orders.getQueueName(), "Sum"),
							query("inService", "AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName",
									workers.getAutoScalingGroupName(), "Average"),
							TargetTrackingMetricDataQueryProperty.builder()
								.id("backlogPerInstance")
								.label("Messages visible per in-service worker")
								.expression(EXPRESSION)
								.returnData(true)
								.build()))
					.build())
				.build())
			.build();
	}

	private static TargetTrackingMetricDataQueryProperty query(String id, String namespace, String metricName,
			String dimension, String value, String statistic) {
		return TargetTrackingMetricDataQueryProperty.builder()
			.id(id)
			.metricStat(TargetTrackingMetricStatProperty.builder()
				.metric(MetricProperty.builder()
					.namespace(namespace)
					.metricName(metricName)
					.dimensions(List.of(MetricDimensionProperty.builder().name(dimension).value(value).build()))
					.build())
				.stat(statistic)
				.build())
			.returnData(false)
			.build();
	}

}
