package com.example.shop.infra;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How long the data is kept for recovery, and where a copy goes for a disaster: the
 * numbers docs/recovery.md states its recovery point and recovery time objectives with.
 * Checked here, at synthesis, so that an impossible value fails before CloudFormation or
 * AWS Backup refuses it halfway through a deployment.
 *
 * @param retentionDays how far back the database can be restored to any second (RDS
 * automated backups, which AWS Backup's continuous rule then manages with the same
 * number): 1 to 35 days, the limits of both
 * @param vaultRetentionDays how long the daily recovery points of the database and the
 * receipts bucket stay in the backup vault (and their copies in the disaster-recovery
 * vault)
 * @param noncurrentVersionDays how long an overwritten or deleted receipt can be brought
 * back from the bucket's own versions
 * @param drRegion the region the daily recovery points are copied to, or {@code null} for
 * no copy (the default: a second region costs storage and transfer, and is a decision)
 */
public record BackupSettings(int retentionDays, int vaultRetentionDays, int noncurrentVersionDays,
		@Nullable String drRegion) {

	/**
	 * A week of point-in-time restore, five weeks of dailies, a month of old receipts.
	 */
	public static final BackupSettings DEFAULTS = new BackupSettings(7, 35, 30, null);

	private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

	public BackupSettings {
		if (retentionDays < 1 || retentionDays > 35) {
			throw new IllegalArgumentException(
					"retentionDays must be 1 to 35 (RDS's and AWS Backup's limits), not " + retentionDays);
		}
		if (vaultRetentionDays < 1) {
			throw new IllegalArgumentException("vaultRetentionDays must be at least 1, not " + vaultRetentionDays);
		}
		if (noncurrentVersionDays < 1) {
			throw new IllegalArgumentException(
					"noncurrentVersionDays must be at least 1, not " + noncurrentVersionDays);
		}
		if (drRegion != null && !REGION.matcher(drRegion).matches()) {
			throw new IllegalArgumentException("drRegion must be a region's name, such as us-west-2, not " + drRegion);
		}
	}

	/**
	 * The same settings, with the daily recovery points copied to another region.
	 * @param region the disaster-recovery region
	 * @return the settings
	 */
	public BackupSettings withDrRegion(String region) {
		return new BackupSettings(this.retentionDays, this.vaultRetentionDays, this.noncurrentVersionDays, region);
	}

}
