package com.example.shop.web.orders;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the worker tier stores receipts, which the web tier serves.
 *
 * @param bucket the S3 bucket
 */
@Validated
@ConfigurationProperties("orders.receipts")
record ReceiptProperties(@NotBlank String bucket) {
}
