package com.example.shop.infra;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cdk-nag's AWS Solutions checks find nothing unsuppressed in any stack; every
 * suppression in the code carries its reason (cdk-nag refuses one without).
 */
class NagTests {

	@Test
	void awsSolutionsChecksFindNoUnsuppressedErrorOrWarning() {
		assertThat(findings(Deployment.infra())).isEmpty();
	}

	@Test
	void awsSolutionsChecksFindNothingUnsuppressedWithADisasterRecoveryVault() {
		OrdersInfra infra = OrdersInfra.build(Deployment.newApp(),
				Deployment.settingsWith(BackupSettings.DEFAULTS.withDrRegion("us-west-2")));

		assertThat(infra.drVault()).isNotNull();
		assertThat(findings(infra)).isEmpty();
	}

	private static List<String> findings(OrdersInfra infra) {
		return stacks(infra).flatMap((stack) -> {
			Annotations annotations = Annotations.fromStack(stack);
			return Stream
				.concat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream(),
						annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream())
				.map((message) -> stack.getStackName() + " " + message.getId() + ": " + text(message));
		}).toList();
	}

	private static String text(SynthesisMessage message) {
		String entry = String.valueOf(message.getEntry().getData());
		return entry.length() > 200 ? entry.substring(0, 200) : entry;
	}

	static Stream<Stack> stacks(OrdersInfra infra) {
		Stream<Stack> always = Stream.of(infra.network(), infra.data(), infra.web(), infra.worker(),
				infra.observability(), infra.faults());
		return (infra.drVault() != null) ? Stream.concat(always, Stream.of(infra.drVault())) : always;
	}

}
