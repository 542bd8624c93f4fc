package com.example.shop.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the catalogue, which migrations seed and nothing in the application writes. */
@Repository
public class ProductRepository {

	private final JdbcClient jdbc;

	public ProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The whole catalogue.
	 * @return every product, by sku
	 */
	public List<Product> findAll() {
		return this.jdbc.sql("SELECT sku, name, price_cents FROM products ORDER BY sku").query(Product.class).list();
	}

	/**
	 * The products with these skus; unknown skus are simply absent from the answer.
	 * @param skus the skus to look up
	 * @return the known ones, by sku
	 */
	public Map<String, Product> findBySkus(Collection<String> skus) {
		return this.jdbc.sql("SELECT sku, name, price_cents FROM products WHERE sku = ANY(:skus)")
			.param("skus", skus.toArray(String[]::new))
			.query(Product.class)
			.stream()
			.collect(Collectors.toMap(Product::sku, Function.identity()));
	}

}
