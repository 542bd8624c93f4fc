package com.example.shop.catalog;

/**
 * A product that can be ordered.
 *
 * @param sku the catalogue id
 * @param name what the customer sees
 * @param priceCents the price, in cents
 */
public record Product(String sku, String name, long priceCents) {
}
