package com.example.shop.lab.probe;

import java.util.Set;

import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.ReceiptVersions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The receipts bucket as the lab sees it, straight from the S3 stand-in: which receipts
 * are there now (their latest version is an object, not a delete marker; see
 * {@link ReceiptVersions}), and one receipt's size.
 */
public final class BucketProbe implements AutoCloseable {

	private @Nullable S3Client s3;

	BucketProbe() {
	}

	/**
	 * The receipts there now, from one listing of the bucket's versions.
	 * @return their keys
	 */
	public synchronized Set<String> receipts() {
		return ReceiptVersions.current(client());
	}

	/**
	 * Whether one receipt is there now, from a listing of that key's versions only.
	 * @param key the receipt's key
	 * @return whether it is there
	 */
	public synchronized boolean present(String key) {
		return ReceiptVersions.present(client(), key);
	}

	/**
	 * A receipt's size.
	 * @param key the receipt's key
	 * @return its bytes
	 */
	public synchronized long size(String key) {
		return client().headObject((request) -> request.bucket(AwsClients.BUCKET).key(key)).contentLength();
	}

	private S3Client client() {
		if (this.s3 == null) {
			this.s3 = AwsClients.s3();
		}
		return this.s3;
	}

	@Override
	public synchronized void close() {
		if (this.s3 != null) {
			this.s3.close();
			this.s3 = null;
		}
	}

}
