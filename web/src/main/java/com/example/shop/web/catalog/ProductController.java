package com.example.shop.web.catalog;

import java.util.List;

import com.example.shop.catalog.Product;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

	private final CatalogService catalog;

	ProductController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	List<Product> listProducts() {
		return this.catalog.listProducts();
	}

}
