package com.example.shop.web.catalog;

import java.util.List;

import com.example.shop.catalog.Product;
import com.example.shop.catalog.ProductRepository;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CatalogService {

	private final ProductRepository products;

	CatalogService(ProductRepository products) {
		this.products = products;
	}

	@CircuitBreaker(name = "database")
	@Transactional(readOnly = true)
	List<Product> listProducts() {
		return this.products.findAll();
	}

}
