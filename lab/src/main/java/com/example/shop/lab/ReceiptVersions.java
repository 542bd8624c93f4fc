package com.example.shop.lab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * The receipts bucket's versions, through the S3 API as on AWS: which receipts are there
 * now, deleting some (a delete in a versioned bucket only adds a delete marker), and
 * bringing them back by removing that marker, so the version before it is current again.
 * <p>
 * What is "there now" is read from the versions' {@code IsLatest}, not from
 * {@code ListObjectsV2}: S3Mock 5.2.0 still lists a key whose latest version is a delete
 * marker. Removing the marker is also the way back that S3Mock supports: it refuses a
 * {@code CopyObject} of an earlier version onto the same key, which AWS allows.
 */
final class ReceiptVersions {

	static final String PREFIX = "receipts/";

	private ReceiptVersions() {
	}

	/**
	 * The receipts whose latest version is an object, not a delete marker.
	 * @param s3 the client
	 * @return their keys
	 */
	static Set<String> current(S3Client s3) {
		Set<String> keys = new TreeSet<>();
		for (ListObjectVersionsResponse page : s3
			.listObjectVersionsPaginator((request) -> request.bucket(AwsClients.BUCKET).prefix(PREFIX))) {
			page.versions().stream().filter((version) -> version.isLatest()).forEach((v) -> keys.add(v.key()));
		}
		return keys;
	}

	/**
	 * Deletes receipts the way a mistaken script or an attacker with delete rights would:
	 * {@code DeleteObject} without a version, which in a versioned bucket adds a delete
	 * marker and keeps every version.
	 * @param s3 the client
	 * @param count how many
	 * @return the keys deleted, the first ones in key order
	 */
	static List<String> delete(S3Client s3, int count) {
		List<String> all = new ArrayList<>(current(s3));
		List<String> keys = all.subList(0, Math.min(count, all.size()));
		for (String key : keys) {
			s3.deleteObject((request) -> request.bucket(AwsClients.BUCKET).key(key));
		}
		return List.copyOf(keys);
	}

	/**
	 * Brings receipts back: for each key whose latest version is a delete marker, that
	 * marker is deleted (by its version id), and the version before it is current again.
	 * @param s3 the client
	 * @param keys the receipts to bring back
	 * @return the keys brought back
	 */
	static List<String> undelete(S3Client s3, Collection<String> keys) {
		Map<String, String> markers = new HashMap<>();
		for (ListObjectVersionsResponse page : s3
			.listObjectVersionsPaginator((request) -> request.bucket(AwsClients.BUCKET).prefix(PREFIX))) {
			page.deleteMarkers()
				.stream()
				.filter((marker) -> marker.isLatest() && keys.contains(marker.key()))
				.forEach((marker) -> markers.put(marker.key(), marker.versionId()));
		}
		markers.forEach((key, marker) -> s3
			.deleteObject((request) -> request.bucket(AwsClients.BUCKET).key(key).versionId(marker)));
		return markers.keySet().stream().sorted().toList();
	}

}
