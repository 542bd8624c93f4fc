package com.example.shop.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.Stack;

/**
 * The whole app, synthesized once per test JVM with demo settings: synthesis starts a
 * node process (jsii), which takes seconds, so every test class shares it.
 */
final class Deployment {

	static final InfraSettings SETTINGS = new InfraSettings("Orders", 1, null, "ami-0123456789abcdef0",
			"ami-0fedcba9876543210", "ops@example.com", true);

	private static OrdersInfra infra;

	private Deployment() {
	}

	static synchronized OrdersInfra infra() {
		if (infra == null) {
			App app = OrdersInfraApp.newApp();
			infra = OrdersInfra.build(app, SETTINGS);
		}
		return infra;
	}

	static Template template(Stack stack) {
		return Template.fromStack(stack);
	}

}
