package com.example.shop.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides where requests may go. This tool is for the local lab, so unless told otherwise
 * it only accepts a loopback target: {@code localhost} or a loopback address literal
 * ({@code 127.0.0.0/8}, {@code ::1}). Other host names are refused without being looked
 * up, because a name can resolve to anything.
 */
final class LabTarget {

	private LabTarget() {
	}

	/**
	 * Parses {@code --target} into a base URL such as {@code http://127.0.0.1:8080}.
	 * @throws InvalidOptionException if it is not an http(s) URL without a path, or it is
	 * not loopback and {@code allowRemote} is false
	 */
	static URI parse(String text, boolean allowRemote) {
		URI uri = toUri(text);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean rootPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !rootPath
				|| uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw new InvalidOptionException(
					"--target must look like http://host:port (no path, query or credentials), got '" + text + "'");
		}
		if (!allowRemote && !isLoopback(uri.getHost())) {
			throw new InvalidOptionException("--target " + uri.getHost()
					+ " is not a loopback address; this tool loads the local lab only (add --allow-remote to override)");
		}
		return URI.create(scheme + "://" + uri.getRawAuthority());
	}

	/**
	 * Whether {@code host} is {@code localhost} or a loopback literal; never asks DNS.
	 */
	static boolean isLoopback(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		try {
			return InetAddress.ofLiteral(bare).isLoopbackAddress();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static URI toUri(String text) {
		try {
			return new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new InvalidOptionException("--target is not a URL: '" + text + "'");
		}
	}

}
