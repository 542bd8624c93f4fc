package com.example.shop.deploy.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.http.SdkHttpFullRequest;

/**
 * A request as the SDK put it on the wire.
 *
 * @param http the method, address and headers
 * @param body the body
 */
record RecordedRequest(SdkHttpFullRequest http, byte[] body) {

	/**
	 * The operation: {@code Action} of a Query form, or the last segment of a Smithy RPC
	 * v2 path ({@code /service/…/operation/DescribeAlarms}).
	 */
	String action() {
		String path = this.http.encodedPath();
		if (path.contains("/operation/")) {
			return path.substring(path.lastIndexOf('/') + 1);
		}
		return form().getOrDefault("Action", "?");
	}

	/** The Query protocol's form parameters, decoded, in the order sent. */
	Map<String, String> form() {
		Map<String, String> form = new LinkedHashMap<>();
		String body = new String(this.body, StandardCharsets.UTF_8);
		for (String pair : body.split("&")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				form.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
			}
		}
		return form;
	}

	/** The Smithy RPC v2 CBOR body as maps, lists, strings and numbers. */
	Map<String, Object> cbor() {
		return Cbor.decode(this.body);
	}

	String header(String name) {
		return this.http.firstMatchingHeader(name).orElse("");
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
