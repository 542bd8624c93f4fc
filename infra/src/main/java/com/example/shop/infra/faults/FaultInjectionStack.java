package com.example.shop.infra.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.observability.ObservabilityStack;
import com.example.shop.infra.web.WebStack;
import com.example.shop.infra.worker.WorkerStack;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateActionProperty;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateTargetFilterProperty;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateTargetProperty;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The lab's faults that have an AWS equivalent, as AWS FIS experiment templates (the
 * mapping is in {@code docs/gamedays.md}): run one with
 * {@code aws fis start-experiment --experiment-template-id ID}. Instances are targeted by
 * their Auto Scaling group's {@code aws:autoscaling:groupName} tag, which every instance
 * of a group carries, so a replaced instance is a target too. The zonal faults hit the
 * Availability Zone of the first instance subnet: a deterministic choice that keeps the
 * stack environment-agnostic (no AZ name is written into it); to hit another zone, copy
 * the template in the console and change the AZ filter or the subnet.
 */
public class FaultInjectionStack extends Stack {

	private static final String KILL_PROCESS_DOCUMENT = "AWSFIS-Run-Kill-Process";

	private final Experiments experiments;

	private final CfnExperimentTemplate terminateWebInstances;

	private final CfnExperimentTemplate databaseFailover;

	private final CfnExperimentTemplate queueImpairment;

	private final CfnExperimentTemplate killWorker;

	private final CfnExperimentTemplate zoneNetworkDisruption;

	public FaultInjectionStack(Construct scope, String id, StackProps props, InfraSettings settings, DataStack data,
			WebStack web, WorkerStack worker, ObservabilityStack observability) {
		super(scope, id, props);
		LogGroup log = LogGroup.Builder.create(this, "ExperimentLog")
			.retention(RetentionDays.ONE_MONTH)
			.removalPolicy(RemovalPolicy.DESTROY)
			.build();
		this.experiments = new Experiments(this, observability.customerImpact(), log);
		ISubnet zone = firstInstanceSubnet(web.loadBalancer().getVpc());
		this.terminateWebInstances = terminateWebInstances(web, zone.getAvailabilityZone());
		this.databaseFailover = databaseFailover(data);
		this.queueImpairment = new QueueImpairment(this, "QueueImpairmentAutomation",
				settings.prefix() + "-SqsImpairment", data.orders())
			.addExperiment(this.experiments);
		this.killWorker = killWorker(worker);
		this.zoneNetworkDisruption = ZoneNetworkDisruption.add(this, this.experiments, web.loadBalancer().getVpc(),
				zone);
	}

	private static ISubnet firstInstanceSubnet(IVpc vpc) {
		return vpc.selectSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
			.getSubnets()
			.get(0);
	}

	private CfnExperimentTemplate terminateWebInstances(WebStack web, String zone) {
		String group = web.blueInstances().getAutoScalingGroupName();
		Role role = ExperimentRole.create(this, "TerminateWebInstancesRole",
				List.of(ExperimentRole.allow(List.of("ec2:TerminateInstances"),
						List.of(ExperimentRole.arn(this, "ec2", "instance", "*")),
						Map.of("StringEquals", Map.of("ec2:ResourceTag/aws:autoscaling:groupName", group))),
						ExperimentRole.unscoped("ec2:DescribeInstances")),
				"ec2:TerminateInstances on instance/* only with the blue group's aws:autoscaling:groupName tag.");
		return this.experiments.add("TerminateWebInstancesInOneAz", "terminate-web-instances-in-one-az",
				"kill-web, a whole zone of it: the blue web instances in one AZ die; the load balancer sends "
						+ "requests to the other zones and the group replaces them",
				Map.of("webInstances", instances(group, "ALL", filter("Placement.AvailabilityZone", zone))),
				ExperimentTemplateActionProperty.builder()
					.actionId("aws:ec2:terminate-instances")
					.targets(Map.of("Instances", "webInstances"))
					.build(),
				role);
	}

	private CfnExperimentTemplate databaseFailover(DataStack data) {
		String database = data.database().getInstanceArn();
		Role role = ExperimentRole.create(
				this, "DatabaseFailoverRole", List.of(ExperimentRole
					.allow(List.of("rds:RebootDBInstance", "rds:DescribeDBInstances"), List.of(database))),
				"The reboot itself is scoped to the database's ARN.");
		return this.experiments.add("DatabaseFailover", "rds-failover",
				"db-failover: the Multi-AZ standby takes over; errors last seconds, nothing acknowledged is lost",
				Map.of("database",
						ExperimentTemplateTargetProperty.builder()
							.resourceType("aws:rds:db")
							.resourceArns(List.of(database))
							.selectionMode("ALL")
							.build()),
				ExperimentTemplateActionProperty.builder()
					.actionId("aws:rds:reboot-db-instances")
					.parameters(Map.of("forceFailover", "true"))
					.targets(Map.of("DBInstances", "database"))
					.build(),
				role);
	}

	private CfnExperimentTemplate killWorker(WorkerStack worker) {
		String group = worker.workers().getAutoScalingGroupName();
		String document = formatArn(ArnComponents.builder()
			.service("ssm")
			.account("")
			.resource("document")
			.resourceName(KILL_PROCESS_DOCUMENT)
			.build());
		Role role = ExperimentRole.create(this, "KillWorkerRole",
				List.of(ExperimentRole.allow(List.of("ssm:SendCommand"), List.of(document)),
						ExperimentRole.allow(List.of("ssm:SendCommand"),
								List.of(ExperimentRole.arn(this, "ec2", "instance", "*")),
								Map.of("StringEquals", Map.of("ssm:resourceTag/aws:autoscaling:groupName", group))),
						ExperimentRole.unscoped("ssm:ListCommands", "ssm:CancelCommand", "ec2:DescribeInstances")),
				"ssm:SendCommand on instance/* only with the worker group's aws:autoscaling:groupName tag.");
		return this.experiments.add("KillWorker", "kill-worker",
				"kill-worker: a worker killed mid-message loses nothing; its messages are received again",
				Map.of("workerInstances", instances(group, "COUNT(1)")),
				ExperimentTemplateActionProperty.builder()
					.actionId("aws:ssm:send-command")
					.parameters(Map.of("documentArn", document, "documentParameters",
							"{\"ProcessName\":\"java\",\"Signal\":\"SIGKILL\"}", "duration", "PT1M"))
					.targets(Map.of("Instances", "workerInstances"))
					.build(),
				role);
	}

	/**
	 * Running instances of an Auto Scaling group, found by the tag the group puts on
	 * each.
	 */
	private static ExperimentTemplateTargetProperty instances(String group, String selection,
			ExperimentTemplateTargetFilterProperty... filters) {
		List<ExperimentTemplateTargetFilterProperty> all = new ArrayList<>(List.of(filters));
		all.add(filter("State.Name", "running"));
		return ExperimentTemplateTargetProperty.builder()
			.resourceType("aws:ec2:instance")
			.resourceTags(Map.of("aws:autoscaling:groupName", group))
			.filters(all)
			.selectionMode(selection)
			.build();
	}

	private static ExperimentTemplateTargetFilterProperty filter(String path, String value) {
		return ExperimentTemplateTargetFilterProperty.builder().path(path).values(List.of(value)).build();
	}

	/** Fails the blue web instances of one AZ ({@code kill-web}, zone-wide). */
	public CfnExperimentTemplate terminateWebInstances() {
		return this.terminateWebInstances;
	}

	/** Fails the database over to its standby ({@code db-failover}). */
	public CfnExperimentTemplate databaseFailover() {
		return this.databaseFailover;
	}

	/** Denies the orders queue to everyone for a while ({@code sqs-outage}). */
	public CfnExperimentTemplate queueImpairment() {
		return this.queueImpairment;
	}

	/** Kills one worker's JVM ({@code kill-worker}). */
	public CfnExperimentTemplate killWorker() {
		return this.killWorker;
	}

	/** Cuts the instance subnet of one AZ off the network. */
	public CfnExperimentTemplate zoneNetworkDisruption() {
		return this.zoneNetworkDisruption;
	}

}
