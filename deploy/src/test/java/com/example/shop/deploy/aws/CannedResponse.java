package com.example.shop.deploy.aws;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the recording client answers: a status, headers and a body in the service's
 * protocol.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body
 */
record CannedResponse(int status, Map<String, String> headers, byte[] body) {

	/** A 200 in the Query protocol (ELB, Auto Scaling, EC2, CloudFormation). */
	static CannedResponse xml(String body) {
		return xml(200, body);
	}

	static CannedResponse xml(int status, String body) {
		return new CannedResponse(status, Map.of("Content-Type", "text/xml"), body.getBytes(StandardCharsets.UTF_8));
	}

	/** A 200 in the Smithy RPC v2 CBOR protocol (CloudWatch). */
	static CannedResponse cbor(Map<String, ?> body) {
		return new CannedResponse(200, Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"),
				Cbor.encode(body));
	}

}
