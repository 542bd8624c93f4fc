package com.example.shop.catalog;

import java.util.List;

import com.example.shop.testsupport.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ TestDatabaseConfiguration.class, ProductRepository.class })
class ProductRepositoryTests {

	@Autowired
	private ProductRepository products;

	@Test
	void migrationsSeedTheCatalogue() {
		List<Product> all = this.products.findAll();

		assertThat(all).extracting(Product::sku).contains("MUG-01", "TEE-01", "STICK-01");
		assertThat(all).allSatisfy((product) -> assertThat(product.priceCents()).isPositive());
	}

	@Test
	void findsKnownSkusAndLeavesOutUnknownOnes() {
		var found = this.products.findBySkus(List.of("MUG-01", "NOPE-01"));

		assertThat(found).containsOnlyKeys("MUG-01");
		assertThat(found.get("MUG-01").priceCents()).isEqualTo(1200);
	}

}
