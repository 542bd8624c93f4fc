package com.example.shop.deploy.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never opens a connection: it records each request the SDK
 * marshalled, body included, and answers with what the responder makes of it. Everything
 * above the wire (marshalling, signing, retries, unmarshalling) is the real SDK.
 */
final class RecordingHttpClient implements SdkHttpClient {

	private final Function<RecordedRequest, CannedResponse> responder;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	RecordingHttpClient(Function<RecordedRequest, CannedResponse> responder) {
		this.responder = responder;
	}

	@Override
	public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
		byte[] body = request.contentStreamProvider()
			.map((provider) -> readAll(provider.newStream()))
			.orElse(new byte[0]);
		SdkHttpFullRequest full = SdkHttpFullRequest.builder()
			.method(request.httpRequest().method())
			.uri(request.httpRequest().getUri())
			.headers(request.httpRequest().headers())
			.contentStreamProvider(() -> new ByteArrayInputStream(body))
			.build();
		RecordedRequest recorded = new RecordedRequest(full, body);
		this.requests.add(recorded);
		CannedResponse canned = this.responder.apply(recorded);
		return new ExecutableHttpRequest() {

			@Override
			public HttpExecuteResponse call() {
				SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(canned.status());
				canned.headers().forEach(response::putHeader);
				return HttpExecuteResponse.builder()
					.response(response.build())
					.responseBody(AbortableInputStream.create(new ByteArrayInputStream(canned.body())))
					.build();
			}

			@Override
			public void abort() {
			}

		};
	}

	List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	List<String> actions() {
		return this.requests.stream().map(RecordedRequest::action).toList();
	}

	@Override
	public void close() {
	}

	private static byte[] readAll(InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
