package com.example.shop.lab.standins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import com.example.shop.lab.host.LabException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * The receipts bucket's versions, through the S3 API as on AWS: which receipts are there
 * now, deleting some (a delete in a versioned bucket only adds a delete marker), and
 * bringing them back by removing that marker, so the version before it is current again.
 * <p>
 * What is "there now" is read from each key's latest entry in {@code ListObjectVersions},
 * not from {@code ListObjectsV2}: S3Mock 5.2.0 still lists a key whose latest version is
 * a delete marker. The listing is paged by hand ({@link #resumeAfter}) rather than with
 * the SDK's paginator: when a page ends, S3Mock 5.2.0 names the next key, which it has
 * not returned yet, as {@code NextKeyMarker} and then resumes after it, so with more than
 * a thousand receipts one key in each page boundary silently disappeared. Removing the
 * marker is also the way back that S3Mock supports: it refuses a {@code CopyObject} of an
 * earlier version onto the same key, which AWS allows.
 */
public final class ReceiptVersions {

	static final String PREFIX = "receipts/";

	private ReceiptVersions() {
	}

	/**
	 * The receipts whose latest version is an object, not a delete marker.
	 * @param s3 the client
	 * @return their keys
	 */
	public static Set<String> current(S3Client s3) {
		return current(s3, PREFIX);
	}

	/**
	 * The keys under a prefix whose latest version is an object, not a delete marker.
	 * @param s3 the client
	 * @param prefix the keys' prefix
	 * @return their keys
	 */
	public static Set<String> current(S3Client s3, String prefix) {
		Set<String> keys = new TreeSet<>();
		scan(s3, prefix, (key, latest) -> {
			if (!latest.deleteMarker()) {
				keys.add(key);
			}
			return true;
		});
		return keys;
	}

	/**
	 * Whether a receipt is there now: its latest version is an object. One listing of
	 * that key's versions, not of the whole bucket.
	 * @param s3 the client
	 * @param key the receipt
	 * @return whether it is there
	 */
	public static boolean present(S3Client s3, String key) {
		Latest latest = latestOfKey(s3, key);
		return latest != null && !latest.deleteMarker();
	}

	/**
	 * Deletes receipts the way a mistaken script or an attacker with delete rights would:
	 * {@code DeleteObject} without a version, which in a versioned bucket adds a delete
	 * marker and keeps every version.
	 * @param count how many
	 * @return the keys deleted, the first ones in key order
	 */
	public static List<String> delete(int count) {
		try (S3Client s3 = AwsClients.s3()) {
			return delete(s3, count);
		}
	}

	/**
	 * Deletes receipts as {@link #delete(int)} does, with a client of the caller's.
	 * @param s3 the client
	 * @param count how many
	 * @return the keys deleted
	 */
	public static List<String> delete(S3Client s3, int count) {
		List<String> keys = new ArrayList<>();
		if (count > 0) {
			// the first page usually has them: no need to list a large bucket to the end
			scan(s3, PREFIX, (key, latest) -> {
				if (!latest.deleteMarker()) {
					keys.add(key);
				}
				return keys.size() < count;
			});
		}
		for (String key : keys) {
			s3.deleteObject((request) -> request.bucket(AwsClients.BUCKET).key(key));
		}
		return List.copyOf(keys);
	}

	/**
	 * Brings receipts back: for each key whose latest version is a delete marker, that
	 * marker is deleted (by its version id), and the version before it is current again.
	 * Each key's versions are listed on their own, so bringing back a few receipts does
	 * not list the whole bucket.
	 * @param keys the receipts to bring back
	 * @return the keys brought back
	 */
	public static List<String> undelete(Collection<String> keys) {
		try (S3Client s3 = AwsClients.s3()) {
			return undelete(s3, keys);
		}
	}

	/**
	 * Brings receipts back as {@link #undelete(Collection)} does, with a client of the
	 * caller's.
	 * @param s3 the client
	 * @param keys the receipts
	 * @return the keys brought back
	 */
	public static List<String> undelete(S3Client s3, Collection<String> keys) {
		List<String> back = new ArrayList<>();
		for (String key : new TreeSet<>(keys)) {
			Latest latest = latestOfKey(s3, key);
			if (latest != null && latest.deleteMarker()) {
				s3.deleteObject((request) -> request.bucket(AwsClients.BUCKET).key(key).versionId(latest.versionId()));
				back.add(key);
			}
		}
		return List.copyOf(back);
	}

	/**
	 * One key's latest entry, from a listing of the versions under that key.
	 */
	private static @Nullable Latest latestOfKey(S3Client s3, String key) {
		AtomicReference<@Nullable Latest> found = new AtomicReference<>();
		scan(s3, key, (listed, latest) -> {
			if (listed.equals(key)) {
				found.set(latest);
				return false;
			}
			return true;
		});
		return found.get();
	}

	/**
	 * Gives each key's latest entry, a version or a delete marker, in key order, page by
	 * page, until the visitor says stop or the listing ends.
	 */
	private static void scan(S3Client s3, String prefix, BiPredicate<String, Latest> visitor) {
		String after = null;
		while (true) {
			String marker = after;
			ListObjectVersionsResponse page = s3
				.listObjectVersions((request) -> request.bucket(AwsClients.BUCKET).prefix(prefix).keyMarker(marker));
			for (Map.Entry<String, Latest> entry : latestOf(page).entrySet()) {
				if (!visitor.test(entry.getKey(), entry.getValue())) {
					return;
				}
			}
			if (!Boolean.TRUE.equals(page.isTruncated())) {
				return;
			}
			String next = resumeAfter(page);
			if (next == null || next.equals(after)) {
				throw new LabException("the S3 version listing under " + prefix + " does not advance after " + after
						+ "; the receipts cannot be counted");
			}
			after = next;
		}
	}

	/**
	 * The latest entries a page holds.
	 * @param page one page of {@code ListObjectVersions}
	 * @return key to its latest entry, for the keys whose latest entry is on this page
	 */
	static Map<String, Latest> latestOf(ListObjectVersionsResponse page) {
		Map<String, Latest> latest = new TreeMap<>();
		page.versions()
			.stream()
			.filter((version) -> Boolean.TRUE.equals(version.isLatest()))
			.forEach((version) -> latest.put(version.key(), new Latest(version.versionId(), false)));
		page.deleteMarkers()
			.stream()
			.filter((marker) -> Boolean.TRUE.equals(marker.isLatest()))
			.forEach((marker) -> latest.put(marker.key(), new Latest(marker.versionId(), true)));
		return latest;
	}

	/**
	 * Where the next page starts: after the greatest key this page returned. A key's
	 * latest entry comes first among its entries, so a key cut by the page boundary has
	 * already given what is needed; its older versions are not read. This is also what
	 * AWS does with a key marker alone, and it does not depend on {@code NextKeyMarker},
	 * which S3Mock 5.2.0 sets to a key it has not returned.
	 * @param page a truncated page
	 * @return the key marker for the next request, or {@code null} if the page is empty
	 */
	static @Nullable String resumeAfter(ListObjectVersionsResponse page) {
		return Stream
			.concat(page.versions().stream().map((version) -> version.key()),
					page.deleteMarkers().stream().map((marker) -> marker.key()))
			.max(String::compareTo)
			.orElse(null);
	}

	/**
	 * A key's latest entry.
	 *
	 * @param versionId its version id
	 * @param deleteMarker whether it is a delete marker (the key looks deleted)
	 */
	record Latest(String versionId, boolean deleteMarker) {
	}

}
