package com.example.shop.deploy.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WebStackOutputsTests {

	private static final String CLOUD_FORMATION = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

	private final Map<String, String> web = new LinkedHashMap<>(Map.of("ListenerArn", "arn:listener",
			"BlueTargetGroupArn", "arn:blue", "GreenTargetGroupArn", "arn:green", "BlueGroupName", "blue-group",
			"GreenGroupName", "green-group", "LoadBalancerDnsName", "orders-123.eu-west-1.elb.amazonaws.com"));

	@Test
	void readsTheWebAndObservabilityStacksOutputs() {
		RecordingHttpClient http = answering(Map.of("DeployAlarmNames", "Orders-Web-5xx, Orders-Web-p99,"));

		WebStackOutputs outputs = WebStackOutputs.read(TestClients.over(http).cloudFormation(), "Orders");

		assertThat(outputs).isEqualTo(new WebStackOutputs("arn:listener", "arn:blue", "arn:green", "blue-group",
				"green-group", List.of("Orders-Web-5xx", "Orders-Web-p99")));
		assertThat(http.requests()).map(RecordedRequest::form)
			.map((form) -> form.get("Action") + " " + form.get("StackName"))
			.containsExactly("DescribeStacks Orders-Web", "DescribeStacks Orders-Observability");
	}

	@Test
	void namesTheStackAndTheOutputThatIsMissing() {
		this.web.remove("GreenGroupName");
		RecordingHttpClient http = answering(Map.of("DeployAlarmNames", "Orders-Web-5xx"));

		assertThatIllegalStateException()
			.isThrownBy(() -> WebStackOutputs.read(TestClients.over(http).cloudFormation(), "Orders"))
			.withMessage("stack Orders-Web has no output GreenGroupName (deploy the current CDK app to add it)");
	}

	@Test
	void namesTheStackThatDoesNotExist() {
		RecordingHttpClient http = new RecordingHttpClient((request) -> CannedResponse.xml(400, """
				<ErrorResponse xmlns="%s">
				  <Error>
				    <Type>Sender</Type>
				    <Code>ValidationError</Code>
				    <Message>Stack with id Orders-Web does not exist</Message>
				  </Error>
				  <RequestId>4d5e</RequestId>
				</ErrorResponse>
				""".formatted(CLOUD_FORMATION)));

		assertThatIllegalStateException()
			.isThrownBy(() -> WebStackOutputs.read(TestClients.over(http).cloudFormation(), "Orders"))
			.withMessage("stack Orders-Web does not exist in this account and region");
	}

	private RecordingHttpClient answering(Map<String, String> observability) {
		return new RecordingHttpClient((request) -> {
			String stack = request.form().get("StackName");
			return CannedResponse.xml(stack(stack, stack.endsWith("-Web") ? this.web : observability));
		});
	}

	private static String stack(String name, Map<String, String> outputs) {
		String members = outputs.entrySet()
			.stream()
			.map((output) -> "<member><OutputKey>%s</OutputKey><OutputValue>%s</OutputValue></member>"
				.formatted(output.getKey(), output.getValue()))
			.collect(Collectors.joining());
		return """
				<DescribeStacksResponse xmlns="%s">
				  <DescribeStacksResult>
				    <Stacks>
				      <member>
				        <StackName>%s</StackName>
				        <StackStatus>UPDATE_COMPLETE</StackStatus>
				        <CreationTime>2030-01-01T08:00:00.000Z</CreationTime>
				        <Outputs>%s</Outputs>
				      </member>
				    </Stacks>
				  </DescribeStacksResult>
				  <ResponseMetadata><RequestId>9a8b</RequestId></ResponseMetadata>
				</DescribeStacksResponse>
				""".formatted(CLOUD_FORMATION, name, members);
	}

}
