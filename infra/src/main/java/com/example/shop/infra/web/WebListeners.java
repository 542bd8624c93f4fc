package com.example.shop.infra.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;

/**
 * The load balancer's listeners. With a certificate, HTTPS carries the traffic and HTTP
 * only redirects to it; without one (a demo without a domain), plain HTTP carries it.
 * None of them opens the security group: its rules belong to the network stack.
 */
final class WebListeners {

	private WebListeners() {
	}

	/**
	 * Adds the listeners.
	 * @param loadBalancer the load balancer
	 * @param certificateArn the ACM certificate, if any
	 * @param forward the weighted forward to the colours
	 * @return the listener carrying the weighted forward
	 */
	static ApplicationListener create(ApplicationLoadBalancer loadBalancer, @Nullable String certificateArn,
			ListenerAction forward) {
		if (certificateArn == null) {
			// Demo only: without a certificate, traffic crosses the internet in clear.
			return loadBalancer.addListener("Http", http(forward));
		}
		loadBalancer.addListener("Http", http(ListenerAction
			.redirect(RedirectOptions.builder().protocol("HTTPS").port("443").permanent(true).build())));
		return loadBalancer.addListener("Https",
				BaseApplicationListenerProps.builder()
					.port(443)
					.protocol(ApplicationProtocol.HTTPS)
					.certificates(List.of(ListenerCertificate.fromArn(certificateArn)))
					// AWS's recommended policy: TLS 1.2 and 1.3 only.
					.sslPolicy(SslPolicy.RECOMMENDED_TLS)
					.open(false)
					.defaultAction(forward)
					.build());
	}

	private static BaseApplicationListenerProps http(ListenerAction action) {
		return BaseApplicationListenerProps.builder()
			.port(80)
			.protocol(ApplicationProtocol.HTTP)
			.open(false)
			.defaultAction(action)
			.build();
	}

}
