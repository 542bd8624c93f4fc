package com.example.shop.infra.observability;

import java.util.List;

import com.example.shop.infra.web.WebStack;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.constructs.Construct;

/**
 * The one page to project during a failover demo: what customers get (requests, 5xx,
 * p99), where the load balancer sends them (healthy hosts per colour), and where the work
 * waits meanwhile (queue, DLQ, outbox, database). The same graphs the lab's game-day
 * report draws, read from CloudWatch instead.
 */
final class FailoverDashboard {

	private FailoverDashboard() {
	}

	static Dashboard create(Construct scope, String prefix, FailoverMetrics metrics, WebStack web) {
		Dashboard dashboard = Dashboard.Builder.create(scope, "FailoverDashboard")
			.dashboardName(prefix + "-failover")
			.build();
		dashboard.addWidgets(
				graph("Requests and 5xx", metrics.requests(), metrics.loadBalancer5xx(), metrics.target5xx()),
				graph("5xx rate (%)", metrics.errorRate()), graph("Response time p99 (s)", metrics.responseTimeP99()));
		dashboard.addWidgets(
				graph("Healthy hosts per colour", labelled(metrics.healthyHosts(web.blue()), "blue"),
						labelled(metrics.healthyHosts(web.green()), "green")),
				graph("Unhealthy hosts per colour", labelled(metrics.unhealthyHosts(web.blue()), "blue"),
						labelled(metrics.unhealthyHosts(web.green()), "green")),
				graph("Outbox backlog", metrics.outboxBacklog()));
		dashboard.addWidgets(graph("Queue depth and DLQ", metrics.queueDepth(), metrics.deadLetters()),
				graph("Oldest message (s)", metrics.oldestMessageAge()),
				graph("Database connections and CPU (%)", metrics.databaseConnections(), metrics.databaseCpu()));
		return dashboard;
	}

	private static IMetric labelled(Metric metric, String label) {
		return metric.with(MetricOptions.builder().label(label).build());
	}

	private static IWidget graph(String title, IMetric... left) {
		return GraphWidget.Builder.create().title(title).left(List.of(left)).width(8).build();
	}

}
