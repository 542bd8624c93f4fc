package com.example.shop.infra.data;

import java.util.List;

import com.example.shop.infra.BackupSettings;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The private bucket of receipt PDFs. Versioned, so that an overwrite or a delete can be
 * undone (docs/recovery.md: a delete leaves a marker over the old version, which stays)
 * for as many days as the settings say, after which old versions expire instead of
 * accumulating; retained when its stack is deleted, because receipts are records the shop
 * owes its customers. Access is logged to a second bucket.
 */
final class ReceiptsBucket extends Construct {

	private final Bucket bucket;

	/**
	 * The worker puts each receipt in one request, so an upload still unfinished after a
	 * week never will be; its parts would otherwise be stored, and billed, for ever.
	 */
	private static final Duration ABANDONED_UPLOADS = Duration.days(7);

	ReceiptsBucket(Construct scope, String id, BackupSettings backups) {
		super(scope, id);
		Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
			.encryption(BucketEncryption.S3_MANAGED)
			.blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
			.enforceSsl(true)
			.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
			.lifecycleRules(List.of(LifecycleRule.builder().id("ExpireLogs").expiration(Duration.days(90)).build()))
			.removalPolicy(RemovalPolicy.RETAIN)
			.build();
		NagSuppressions.addResourceSuppressions(accessLogs,
				List.of(NagPackSuppression.builder()
					.id("AwsSolutions-S1")
					.reason("This is the access log bucket: logging its own access would log the log deliveries, "
							+ "without end.")
					.build()),
				true);
		this.bucket = Bucket.Builder.create(this, "Bucket")
			.versioned(true)
			.encryption(BucketEncryption.S3_MANAGED)
			.blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
			.enforceSsl(true)
			.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
			.serverAccessLogsBucket(accessLogs)
			.serverAccessLogsPrefix("receipts/")
			.lifecycleRules(List.of(LifecycleRule.builder()
				.id("ExpireOldVersionsAndAbandonedUploads")
				.noncurrentVersionExpiration(Duration.days(backups.noncurrentVersionDays()))
				.abortIncompleteMultipartUploadAfter(ABANDONED_UPLOADS)
				.build()))
			.removalPolicy(RemovalPolicy.RETAIN)
			.build();
	}

	Bucket bucket() {
		return this.bucket;
	}

}
