package com.example.shop.deploy.aws;

import java.net.URI;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Real SDK clients over a recording HTTP client: fixed credentials and region, and an
 * endpoint nobody listens on, which is never dialled because the HTTP client answers.
 */
final class TestClients {

	static final WebStackOutputs STACK = new WebStackOutputs(
			"arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/orders/50dc6c495c0c9188/f2f7dc8efc522ab2",
			"arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/orders-blue/73e2d6bc24d8a067",
			"arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/orders-green/1c7e5b3a9f0d2e44",
			"Orders-Web-BlueInstances", "Orders-Web-GreenInstances", List.of("Orders-Web-5xx", "Orders-Web-p99"));

	private TestClients() {
	}

	static AwsClients over(SdkHttpClient http) {
		return new AwsClients(client(CloudFormationClient.builder(), http),
				client(ElasticLoadBalancingV2Client.builder(), http), client(AutoScalingClient.builder(), http),
				client(Ec2Client.builder(), http), client(CloudWatchClient.builder(), http));
	}

	private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder,
			SdkHttpClient http) {
		return builder.httpClient(http)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
			.region(Region.EU_WEST_1)
			.endpointOverride(URI.create("http://127.0.0.1:1"))
			.build();
	}

}
