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
		OrdersInfra infra = Deployment.infra();

		List<String> findings = stacks(infra).flatMap((stack) -> {
			Annotations annotations = Annotations.fromStack(stack);
			return Stream
				.concat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream(),
						annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream())
				.map((message) -> stack.getStackName() + " " + message.getId() + ": " + text(message));
		}).toList();

		assertThat(findings).isEmpty();
	}

	private static String text(SynthesisMessage message) {
		String entry = String.valueOf(message.getEntry().getData());
		return entry.length() > 200 ? entry.substring(0, 200) : entry;
	}

	static Stream<Stack> stacks(OrdersInfra infra) {
		return Stream.of(infra.network(), infra.data(), infra.web(), infra.worker(), infra.observability(),
				infra.faults());
	}

}
