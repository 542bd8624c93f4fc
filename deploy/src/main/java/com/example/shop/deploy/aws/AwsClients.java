package com.example.shop.deploy.aws;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The SDK clients of one run of the command, built alike: the default credentials chain
 * (environment, profile, SSO, web identity, instance role), the region given or the
 * default region chain, the standard retry mode, and timeouts that bound every call.
 *
 * @param cloudFormation reads the stacks' outputs
 * @param elb reads and shifts the listener's weights and reads target health
 * @param autoScaling sizes the colours' groups
 * @param ec2 writes launch template versions
 * @param cloudWatch reads the deploy alarms
 */
record AwsClients(CloudFormationClient cloudFormation, ElasticLoadBalancingV2Client elb, AutoScalingClient autoScaling,
		Ec2Client ec2, CloudWatchClient cloudWatch) implements AutoCloseable {

	/**
	 * Each attempt gets 10 s, far above the sub-second answers of these APIs, and each
	 * call 30 s including the standard mode's retries (3 attempts with backoff), so that
	 * no network or credential problem can stall a deployment for minutes: a call that
	 * times out during a shift rolls the deployment back.
	 */
	private static final ClientOverrideConfiguration OVERRIDES = ClientOverrideConfiguration.builder()
		.apiCallAttemptTimeout(Duration.ofSeconds(10))
		.apiCallTimeout(Duration.ofSeconds(30))
		.retryStrategy(RetryMode.STANDARD)
		.build();

	/**
	 * Builds the clients.
	 * @param region the region, or {@code null} for the default region chain
	 * @return the clients
	 */
	static AwsClients create(@Nullable String region) {
		DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
		return new AwsClients(configure(CloudFormationClient.builder(), region, credentials).build(),
				configure(ElasticLoadBalancingV2Client.builder(), region, credentials).build(),
				configure(AutoScalingClient.builder(), region, credentials).build(),
				configure(Ec2Client.builder(), region, credentials).build(),
				configure(CloudWatchClient.builder(), region, credentials).build());
	}

	private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, @Nullable String region,
			DefaultCredentialsProvider credentials) {
		if (region != null) {
			builder.region(Region.of(region));
		}
		return builder.credentialsProvider(credentials).overrideConfiguration(OVERRIDES);
	}

	@Override
	public void close() {
		this.cloudFormation.close();
		this.elb.close();
		this.autoScaling.close();
		this.ec2.close();
		this.cloudWatch.close();
	}

}
