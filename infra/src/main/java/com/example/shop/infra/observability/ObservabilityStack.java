package com.example.shop.infra.observability;

import java.util.List;
import java.util.Map;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.web.WebStack;
import com.example.shop.infra.worker.WorkerStack;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarms that wake a human, each saying in its description what to check first, the
 * topic they are sent to, and the failover dashboard. Thresholds are for the demo's
 * traffic; the customer-impact alarm is a rate, so it holds at any traffic.
 */
public class ObservabilityStack extends Stack {

	private static final double GIB = 1024.0 * 1024 * 1024;

	private final Topic alarms;

	private final Alarm customerImpact;

	private final SnsAction notify;

	public ObservabilityStack(Construct scope, String id, StackProps props, InfraSettings settings, DataStack data,
			WebStack web, WorkerStack worker) {
		super(scope, id, props);
		this.alarms = topic(settings);
		this.notify = new SnsAction(this.alarms);
		FailoverMetrics metrics = new FailoverMetrics(data, web);
		this.customerImpact = alarm("CustomerImpact", metrics.errorRate(), 1, ComparisonOperator.GREATER_THAN_THRESHOLD,
				3, "More than 1 % of requests answered 5xx for 3 minutes: check healthy hosts per colour, then the "
						+ "database (the failover dashboard)");
		Alarm slow = alarm("ResponseTimeP99", metrics.responseTimeP99(), 1, ComparisonOperator.GREATER_THAN_THRESHOLD,
				3, "p99 above 1 s for 3 minutes: check database CPU and connections, then the web instances' CPU");
		alarm("BlueUnhealthyHosts", metrics.unhealthyHosts(web.blue()), 0, ComparisonOperator.GREATER_THAN_THRESHOLD, 2,
				"A blue web instance fails its health check: check its log and whether a deployment is running");
		alarm("GreenUnhealthyHosts", metrics.unhealthyHosts(web.green()), 0, ComparisonOperator.GREATER_THAN_THRESHOLD,
				2, "A green web instance fails its health check: check its log and whether a deployment is running");
		alarm("DeadLetters", metrics.deadLetters(), 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1,
				"A message reached the DLQ after 5 failed receives: check its body and the worker log, then redrive");
		alarm("OldestOrderMessage", metrics.oldestMessageAge(), 300, ComparisonOperator.GREATER_THAN_THRESHOLD, 1,
				"An order message waits over 5 minutes: check that workers run and can reach the database and S3");
		alarm("DatabaseCpu", metrics.databaseCpu(), 80, ComparisonOperator.GREATER_THAN_THRESHOLD, 5,
				"Database CPU above 80 % for 5 minutes: check Performance Insights for the top query");
		alarm("DatabaseFreeStorage", metrics.databaseFreeStorage(), 2 * GIB, ComparisonOperator.LESS_THAN_THRESHOLD, 1,
				"Database free storage below 2 GiB: check table growth and raise allocated storage");
		alarm("DatabaseConnections", metrics.databaseConnections(), 80, ComparisonOperator.GREATER_THAN_THRESHOLD, 3,
				"Over 80 database connections: check how many instances run (each has a pool of 10)");
		alarm("OutboxBacklog", metrics.outboxBacklog(), 1000, ComparisonOperator.GREATER_THAN_THRESHOLD, 5,
				"Over 1000 events waiting in the outbox for 5 minutes: check that the web tier can reach SQS");
		FailoverDashboard.create(this, settings.prefix(), metrics, web);
		// A blue/green deployment rolls back when customers are hurt: errors or latency.
		CfnOutput.Builder.create(this, "DeployAlarmNames")
			.value(Fn.join(",", List.of(this.customerImpact.getAlarmName(), slow.getAlarmName())))
			.description("The alarms that stop a blue/green deployment (read by deploy/)")
			.build();
	}

	/**
	 * A customer managed key rather than {@code alias/aws/sns}: CloudWatch can publish to
	 * an encrypted topic only if the key's policy lets it use the key, and the AWS
	 * managed key's policy cannot be changed.
	 */
	private Topic topic(InfraSettings settings) {
		Key key = Key.Builder.create(this, "AlarmsKey")
			.description("Encrypts the alarm topic; CloudWatch may use it to publish")
			.enableKeyRotation(true)
			.build();
		key.addToResourcePolicy(PolicyStatement.Builder.create()
			.principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
			.actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
			.resources(List.of("*"))
			.build());
		Topic topic = Topic.Builder.create(this, "Alarms").masterKey(key).enforceSsl(true).build();
		topic.addToResourcePolicy(PolicyStatement.Builder.create()
			.principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
			.actions(List.of("sns:Publish"))
			.resources(List.of(topic.getTopicArn()))
			.conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
			.build());
		if (settings.alarmEmail() != null) {
			topic.addSubscription(new EmailSubscription(settings.alarmEmail()));
		}
		return topic;
	}

	private Alarm alarm(String id, IMetric metric, double threshold, ComparisonOperator comparison, int minutes,
			String description) {
		Alarm alarm = Alarm.Builder.create(this, id)
			.metric(metric)
			.threshold(threshold)
			.comparisonOperator(comparison)
			.evaluationPeriods(minutes)
			.datapointsToAlarm(minutes)
			.treatMissingData(TreatMissingData.NOT_BREACHING)
			.alarmDescription(description)
			.build();
		alarm.addAlarmAction(this.notify);
		return alarm;
	}

	public ITopic alarms() {
		return this.alarms;
	}

	/** The alarm that says customers are hurt: the fault experiments stop on it. */
	public Alarm customerImpact() {
		return this.customerImpact;
	}

}
