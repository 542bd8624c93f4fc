package com.example.shop.web.problems;

import java.io.IOException;

/** A request body passed the configured limit. */
class PayloadTooLargeException extends IOException {

	private final long maxBytes;

	PayloadTooLargeException(long maxBytes) {
		super("request body is larger than " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return this.maxBytes;
	}

}
