package com.example.shop.infra.observability;

import java.util.Map;

import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.web.WebStack;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;

/**
 * The metrics the alarms and the dashboard share, built once so that an alarm and the
 * graph a human opens to check it can never disagree about what they measure. Periods are
 * one minute: a failover is over in a few, and a five-minute average would hide it.
 */
final class FailoverMetrics {

	static final Duration MINUTE = Duration.minutes(1);

	private final DataStack data;

	private final WebStack web;

	FailoverMetrics(DataStack data, WebStack web) {
		this.data = data;
		this.web = web;
	}

	IMetric requests() {
		return this.web.loadBalancer().getMetrics().requestCount(sum());
	}

	IMetric loadBalancer5xx() {
		return this.web.loadBalancer().getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum());
	}

	IMetric target5xx() {
		return this.web.loadBalancer().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum());
	}

	/**
	 * The share of requests answered 5xx, by the load balancer (no healthy target, a
	 * reset) or by an instance, in percent. A rate and not a count, so that the same
	 * threshold means the same thing at 2 and at 2000 requests a second; missing 5xx
	 * counts are zeros (CloudWatch publishes none when there were none).
	 */
	IMetric errorRate() {
		return MathExpression.Builder.create()
			.expression("100 * (FILL(elb5xx, 0) + FILL(target5xx, 0)) / requests")
			.usingMetrics(Map.of("elb5xx", loadBalancer5xx(), "target5xx", target5xx(), "requests", requests()))
			.period(MINUTE)
			.label("5xx (% of requests)")
			.build();
	}

	IMetric responseTimeP99() {
		return this.web.loadBalancer()
			.getMetrics()
			.targetResponseTime(MetricOptions.builder().statistic("p99").period(MINUTE).build());
	}

	Metric unhealthyHosts(ApplicationTargetGroup group) {
		return targetGroupMetric("UnHealthyHostCount", group);
	}

	Metric healthyHosts(ApplicationTargetGroup group) {
		return targetGroupMetric("HealthyHostCount", group);
	}

	/**
	 * Built by hand rather than from {@code group.getMetrics()}: that needs the group
	 * attached to a listener, and the idle colour may not be while it has no weight.
	 * Without a label: a labelled metric makes an alarm a metric-math one.
	 */
	private Metric targetGroupMetric(String name, ApplicationTargetGroup group) {
		return Metric.Builder.create()
			.namespace("AWS/ApplicationELB")
			.metricName(name)
			.dimensionsMap(Map.of("TargetGroup", group.getTargetGroupFullName(), "LoadBalancer",
					this.web.loadBalancer().getLoadBalancerFullName()))
			.statistic("Maximum")
			.period(MINUTE)
			.build();
	}

	IMetric queueDepth() {
		return this.data.orders().metricApproximateNumberOfMessagesVisible(maximum());
	}

	IMetric deadLetters() {
		return this.data.deadLetters().metricApproximateNumberOfMessagesVisible(maximum());
	}

	IMetric oldestMessageAge() {
		return this.data.orders().metricApproximateAgeOfOldestMessage(maximum());
	}

	IMetric databaseCpu() {
		return this.data.database().metricCPUUtilization(average());
	}

	IMetric databaseFreeStorage() {
		return this.data.database().metricFreeStorageSpace(MetricOptions.builder().statistic("Minimum").build());
	}

	IMetric databaseConnections() {
		return this.data.database().metricDatabaseConnections(maximum());
	}

	/**
	 * Events written but not yet sent to SQS, as the application publishes them
	 * (CloudWatch agent / Micrometer, without dimensions). It grows while SQS is
	 * unreachable: that is the outbox doing its job, so only a long, large backlog
	 * alarms.
	 */
	IMetric outboxBacklog() {
		return Metric.Builder.create()
			.namespace("Orders")
			.metricName("outbox.pending")
			.statistic("Maximum")
			.period(MINUTE)
			.build();
	}

	private static MetricOptions sum() {
		return MetricOptions.builder().statistic("Sum").period(MINUTE).build();
	}

	private static MetricOptions maximum() {
		return MetricOptions.builder().statistic("Maximum").period(MINUTE).build();
	}

	private static MetricOptions average() {
		return MetricOptions.builder().statistic("Average").period(MINUTE).build();
	}

}
