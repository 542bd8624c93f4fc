package com.example.shop.web.orders;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.stereotype.Component;

/**
 * Reads receipts from S3. The web tier streams them through itself rather than handing
 * out S3 URLs, so the bucket stays private and a receipt downloads through the load
 * balancer like every other response.
 */
@Component
class ReceiptStore {

	private final S3Client s3;

	private final ReceiptProperties properties;

	ReceiptStore(S3Client s3, ReceiptProperties properties) {
		this.s3 = s3;
		this.properties = properties;
	}

	@CircuitBreaker(name = "s3")
	byte[] read(String key) {
		return this.s3.getObjectAsBytes((request) -> request.bucket(this.properties.bucket()).key(key)).asByteArray();
	}

}
