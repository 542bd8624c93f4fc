package com.example.shop.infra;

/**
 * How long the data is kept for recovery: the numbers docs/recovery.md states its
 * recovery point and recovery time objectives with. Checked here, at synthesis, so that
 * an impossible value fails before CloudFormation refuses it halfway through a
 * deployment.
 *
 * @param retentionDays how far back the database can be restored to any second (RDS
 * automated backups): 1 to 35 days, RDS's limits
 * @param noncurrentVersionDays how long an overwritten or deleted receipt can be brought
 * back from the bucket's own versions
 */
public record BackupSettings(int retentionDays, int noncurrentVersionDays) {

	/** A week of point-in-time restore, a month of old receipts. */
	public static final BackupSettings DEFAULTS = new BackupSettings(7, 30);

	public BackupSettings {
		if (retentionDays < 1 || retentionDays > 35) {
			throw new IllegalArgumentException("retentionDays must be 1 to 35 (RDS's limits), not " + retentionDays);
		}
		if (noncurrentVersionDays < 1) {
			throw new IllegalArgumentException(
					"noncurrentVersionDays must be at least 1, not " + noncurrentVersionDays);
		}
	}

}
