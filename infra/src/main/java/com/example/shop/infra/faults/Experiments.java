package com.example.shop.infra.faults;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateActionProperty;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateLogConfigurationProperty;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateStopConditionProperty;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * What every experiment template shares: it stops as soon as customers are hurt (the
 * customer-impact alarm), and it writes what it did to one log group, so that a game day
 * on AWS leaves the same kind of record as one in the lab. The log configuration is a
 * plain map because {@code CloudWatchLogsConfigurationProperty} writes its key as
 * {@code logGroupArn}, which CloudFormation rejects (it wants {@code LogGroupArn}).
 */
final class Experiments {

	private final Construct scope;

	private final IAlarm stopOn;

	private final ILogGroup log;

	Experiments(Construct scope, IAlarm stopOn, ILogGroup log) {
		this.scope = scope;
		this.stopOn = stopOn;
		this.log = log;
	}

	/**
	 * @param id the template's construct id
	 * @param name the experiment's name, as in the lab ({@code bin/lab gameday NAME})
	 * @param description the hypothesis the experiment tests
	 * @param targets the targets by name
	 * @param action the one action
	 * @param role the experiment's own role
	 * @return the template
	 */
	CfnExperimentTemplate add(String id, String name, String description, Map<String, Object> targets,
			ExperimentTemplateActionProperty action, IRole role) {
		return CfnExperimentTemplate.Builder.create(this.scope, id)
			.description(description)
			.roleArn(role.getRoleArn())
			.stopConditions(List.of(ExperimentTemplateStopConditionProperty.builder()
				.source("aws:cloudwatch:alarm")
				.value(this.stopOn.getAlarmArn())
				.build()))
			.targets(targets)
			.actions(Map.of(name, action))
			.logConfiguration(ExperimentTemplateLogConfigurationProperty.builder()
				.logSchemaVersion(2)
				.cloudWatchLogsConfiguration(Map.of("LogGroupArn", this.log.getLogGroupArn()))
				.build())
			.tags(Map.of("Name", name))
			.build();
	}

}
