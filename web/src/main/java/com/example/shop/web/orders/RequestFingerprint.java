package com.example.shop.web.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a request meant, as a SHA-256 hex string: two requests with the same fingerprint
 * ask for the same order. Stored with the idempotency key so that a replay is recognised
 * and a key reused for a different order is refused.
 */
final class RequestFingerprint {

	private RequestFingerprint() {
	}

	static String of(PlaceOrderRequest request) {
		StringBuilder canonical = new StringBuilder(request.customerEmail());
		request.lines()
			.forEach((line) -> canonical.append('\n').append(line.sku()).append('*').append(line.quantity()));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
