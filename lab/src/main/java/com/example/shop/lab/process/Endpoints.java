package com.example.shop.lab.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether a server the lab started answers yet: something listens on its port on
 * 127.0.0.1, or a GET gets a status. Both give up within about two seconds, so that a
 * hung server reads as not answering instead of hanging the lab.
 */
public final class Endpoints {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Endpoints() {
	}

	/**
	 * Whether something accepts connections on a port of 127.0.0.1.
	 * @param port the port
	 * @return {@code true} if a connection was accepted within 300 ms
	 */
	public static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The HTTP status of a GET, or 0 when nothing answers.
	 * @param url the URL
	 * @return the status code
	 */
	public static int httpStatus(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

}
