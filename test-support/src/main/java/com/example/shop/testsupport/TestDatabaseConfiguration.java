package com.example.shop.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application's data source at the shared test PostgreSQL, through a
 * {@link TcpProxy} so that a test can break the connection for real.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	DynamicPropertyRegistrar testDatabaseProperties() {
		return (registry) -> {
			TestDatabase.Server database = TestDatabase.get();
			registry.add("spring.datasource.url", TestDatabase::proxiedJdbcUrl);
			registry.add("spring.datasource.username", database::username);
			registry.add("spring.datasource.password", database::password);
		};
	}

}
