package com.example.shop.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.support.DynamicPropertyRegistrarBeanInitializer;

/**
 * Lets a {@code Test…Application.main} use the test configurations outside a test: the
 * test framework applies their {@code DynamicPropertyRegistrar} beans inside a test, and
 * nothing does outside one unless this is added.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OutsideTests {

	@Bean
	static DynamicPropertyRegistrarBeanInitializer dynamicPropertyRegistrarBeanInitializer() {
		return new DynamicPropertyRegistrarBeanInitializer();
	}

}
