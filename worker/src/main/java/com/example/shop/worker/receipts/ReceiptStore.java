package com.example.shop.worker.receipts;

import java.util.UUID;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.stereotype.Component;

/**
 * Writes receipts to the S3 bucket. The key is derived from the order id alone, so a
 * retried message overwrites the object it may already have written instead of leaving a
 * second one behind; the versioned bucket keeps the earlier copy.
 */
@Component
class ReceiptStore {

	private static final String CONTENT_TYPE = "application/pdf";

	private final S3Client s3;

	private final String bucket;

	ReceiptStore(S3Client s3, ReceiptsProperties properties) {
		this.s3 = s3;
		this.bucket = properties.bucket();
	}

	/**
	 * Stores the receipt of an order, replacing any earlier one. Behind a circuit
	 * breaker: while S3 keeps failing, a message fails at once instead of waiting out the
	 * SDK's timeouts, and goes back to the queue to wait for S3 (rule 6).
	 * @param orderId the order the receipt is for
	 * @param pdf the rendered receipt
	 * @return the key it was stored under
	 */
	@CircuitBreaker(name = "s3")
	String store(UUID orderId, byte[] pdf) {
		String key = keyFor(orderId);
		this.s3.putObject((request) -> request.bucket(this.bucket).key(key).contentType(CONTENT_TYPE),
				RequestBody.fromBytes(pdf));
		return key;
	}

	static String keyFor(UUID orderId) {
		return "receipts/" + orderId + ".pdf";
	}

}
