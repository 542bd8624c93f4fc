package com.example.shop.infra.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateActionProperty;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.ssm.CfnDocument;
import software.constructs.Construct;

/**
 * An SQS outage for FIS, which has no SQS action: an SSM Automation document that adds a
 * statement denying {@code sqs:SendMessage} and {@code sqs:ReceiveMessage} to the orders
 * queue's policy, waits, and removes it again. The statement has its own {@code Sid}, so
 * whatever else the policy says is kept. If the experiment is stopped (the
 * customer-impact alarm), FIS cancels the automation and the wait's {@code onCancel}
 * still runs the restore step. Like the lab's {@code sqs-outage}, web instances keep
 * accepting orders into the outbox and workers see no messages.
 */
final class QueueImpairment extends Construct {

	private static final String DENY_SID = "FisQueueImpairment";

	private static final String SCRIPT = """
			import json
			import boto3

			SID = '%s'

			def _policy(sqs, url):
			    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=['Policy', 'QueueArn'])['Attributes']
			    policy = json.loads(attributes.get('Policy') or '{"Version": "2012-10-17", "Statement": []}')
			    policy['Statement'] = [s for s in policy['Statement'] if s.get('Sid') != SID]
			    return policy, attributes['QueueArn']

			def _set(sqs, url, policy):
			    text = json.dumps(policy) if policy['Statement'] else ''
			    sqs.set_queue_attributes(QueueUrl=url, Attributes={'Policy': text})

			def deny(events, context):
			    sqs = boto3.client('sqs')
			    policy, arn = _policy(sqs, events['QueueUrl'])
			    policy['Statement'].append({'Sid': SID, 'Effect': 'Deny', 'Principal': '*',
			        'Action': ['sqs:SendMessage', 'sqs:ReceiveMessage'], 'Resource': arn})
			    _set(sqs, events['QueueUrl'], policy)

			def restore(events, context):
			    sqs = boto3.client('sqs')
			    policy, _ = _policy(sqs, events['QueueUrl'])
			    _set(sqs, events['QueueUrl'], policy)
			""".formatted(DENY_SID);

	private final Role role;

	private final String documentName;

	private final String documentArn;

	private final IQueue queue;

	QueueImpairment(Construct scope, String id, String documentName, IQueue queue) {
		super(scope, id);
		this.documentName = documentName;
		this.queue = queue;
		this.role = Role.Builder.create(this, "AutomationRole")
			.assumedBy(new ServicePrincipal("ssm.amazonaws.com"))
			.inlinePolicies(Map.of("QueuePolicy", PolicyDocument.Builder.create()
				.statements(List.of(ExperimentRole.allow(List.of("sqs:GetQueueAttributes", "sqs:SetQueueAttributes"),
						List.of(queue.getQueueArn()))))
				.build()))
			.build();
		CfnDocument.Builder.create(this, "Document")
			.name(documentName)
			.documentType("Automation")
			.documentFormat("JSON")
			.updateMethod("NewVersion")
			.content(content())
			.build();
		this.documentArn = Stack.of(this)
			.formatArn(ArnComponents.builder().service("ssm").resource("document").resourceName(documentName).build());
	}

	/**
	 * The experiment that runs the document, through a role that may start and stop only
	 * this document's automations and pass only the automation's role.
	 * @param experiments where experiments are added
	 * @return the experiment
	 */
	CfnExperimentTemplate addExperiment(Experiments experiments) {
		Role fis = ExperimentRole.create(
				this, "ExperimentRole", List.of(
						ExperimentRole.allow(List.of("ssm:StartAutomationExecution"),
								List.of(ExperimentRole.arn(this, "ssm", "automation-definition",
										this.documentName + ":*"))),
						ExperimentRole.allow(List.of("ssm:GetAutomationExecution", "ssm:StopAutomationExecution"),
								List.of(ExperimentRole.arn(this, "ssm", "automation-execution", "*"))),
						ExperimentRole.allow(List.of("iam:PassRole"), List.of(this.role.getRoleArn()),
								Map.of("StringEquals", Map.of("iam:PassedToService", "ssm.amazonaws.com")))),
				"automation-definition/<document>:* covers the document's versions; automation-execution/* is "
						+ "what FIS must watch and stop, execution ids are not known in advance.");
		String parameters = Stack.of(this)
			.toJsonString(Map.of("AutomationAssumeRole", this.role.getRoleArn(), "QueueUrl", this.queue.getQueueUrl(),
					"Duration", "PT5M"));
		return experiments.add("QueueImpairment", "sqs-impairment",
				"sqs-outage: with the orders queue denying send and receive, orders are still accepted and "
						+ "their events wait in the outbox",
				Map.of(),
				ExperimentTemplateActionProperty.builder()
					.actionId("aws:ssm:start-automation-execution")
					.parameters(Map.of("documentArn", this.documentArn, "documentParameters", parameters, "maxDuration",
							"PT10M"))
					.build(),
				fis);
	}

	private static Map<String, Object> content() {
		return Map.of("schemaVersion", "0.3", "description",
				"Denies sending to and receiving from an SQS queue for a while, then restores its policy", "assumeRole",
				"{{AutomationAssumeRole}}", "parameters", Map.of("AutomationAssumeRole", Map.of("type", "String"),
						"QueueUrl", Map.of("type", "String"), "Duration", Map.of("type", "String", "default", "PT5M")),
				"mainSteps",
				List.of(script("Deny", "deny", Map.of()),
						Map.of("name", "Wait", "action", "aws:sleep", "onCancel", "step:Restore", "inputs",
								Map.of("Duration", "{{Duration}}")),
						script("Restore", "restore", Map.of("isEnd", true))));
	}

	private static Map<String, Object> script(String name, String handler, Map<String, Object> extra) {
		Map<String, Object> step = new HashMap<>(extra);
		step.put("name", name);
		step.put("action", "aws:executeScript");
		step.put("inputs", Map.of("Runtime", "python3.11", "Handler", handler, "Script", SCRIPT, "InputPayload",
				Map.of("QueueUrl", "{{QueueUrl}}")));
		return step;
	}

	/**
	 * The role the automation acts as: it may read and write the orders queue's policy,
	 * nothing else.
	 */
	Role role() {
		return this.role;
	}

}
