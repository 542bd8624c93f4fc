package com.example.shop.deploy.aws;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.shop.deploy.Colour;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * What a deployment needs to know about the account, read from the outputs of the CDK
 * stacks {@code <prefix>-Web} and {@code <prefix>-Observability} rather than passed on
 * the command line, so that it always names what the stacks built.
 *
 * @param listenerArn the listener whose weights a deployment shifts
 * @param blueTargetGroupArn the blue target group
 * @param greenTargetGroupArn the green target group
 * @param blueGroupName the blue Auto Scaling group
 * @param greenGroupName the green Auto Scaling group
 * @param deployAlarmNames the CloudWatch alarms that stop a deployment
 */
record WebStackOutputs(String listenerArn, String blueTargetGroupArn, String greenTargetGroupArn, String blueGroupName,
		String greenGroupName, List<String> deployAlarmNames) {

	WebStackOutputs {
		deployAlarmNames = List.copyOf(deployAlarmNames);
	}

	/**
	 * Reads the outputs of both stacks.
	 * @param cloudFormation the client
	 * @param prefix the stacks' prefix, e.g. {@code Orders}
	 * @return the outputs
	 * @throws IllegalStateException naming the stack or output that is missing
	 */
	static WebStackOutputs read(CloudFormationClient cloudFormation, String prefix) {
		String webStack = prefix + "-Web";
		String observabilityStack = prefix + "-Observability";
		Map<String, String> web = outputs(cloudFormation, webStack);
		Map<String, String> observability = outputs(cloudFormation, observabilityStack);
		return new WebStackOutputs(required(web, webStack, "ListenerArn"),
				required(web, webStack, "BlueTargetGroupArn"), required(web, webStack, "GreenTargetGroupArn"),
				required(web, webStack, "BlueGroupName"), required(web, webStack, "GreenGroupName"),
				names(required(observability, observabilityStack, "DeployAlarmNames")));
	}

	String targetGroupArn(Colour colour) {
		return (colour == Colour.BLUE) ? this.blueTargetGroupArn : this.greenTargetGroupArn;
	}

	String groupName(Colour colour) {
		return (colour == Colour.BLUE) ? this.blueGroupName : this.greenGroupName;
	}

	private static Map<String, String> outputs(CloudFormationClient cloudFormation, String stackName) {
		Stack stack;
		try {
			stack = cloudFormation.describeStacks((request) -> request.stackName(stackName)).stacks().getFirst();
		}
		catch (CloudFormationException ex) {
			if (ex.statusCode() == 400
					&& String.valueOf(ex.awsErrorDetails().errorMessage()).contains("does not exist")) {
				throw new IllegalStateException("stack " + stackName + " does not exist in this account and region");
			}
			throw ex;
		}
		return stack.outputs()
			.stream()
			.filter((output) -> output.outputValue() != null)
			.collect(Collectors.toMap(Output::outputKey, Output::outputValue));
	}

	private static String required(Map<String, String> outputs, String stackName, String key) {
		String value = outputs.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(
					"stack " + stackName + " has no output " + key + " (deploy the current CDK app to add it)");
		}
		return value;
	}

	private static List<String> names(String commaSeparated) {
		return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList();
	}

}
