package com.example.shop.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The backup settings: read from the CDK context with the documented defaults, and
 * refused at synthesis when RDS would refuse them at deployment.
 */
class BackupSettingsTests {

	@Test
	void defaultsToAWeekOfPointInTimeRestoreFiveWeeksOfDailiesAndAMonthOfOldReceipts() {
		InfraSettings settings = InfraSettings.from(Deployment.newApp());

		assertThat(settings.backups()).isEqualTo(new BackupSettings(7, 35, 30, null));
	}

	@Test
	void readsTheRetentionPeriodsAndTheDisasterRecoveryRegionFromTheContext() {
		App app = Deployment.newApp();
		app.getNode().setContext("backupRetentionDays", "14");
		app.getNode().setContext("vaultRetentionDays", "90");
		app.getNode().setContext("noncurrentVersionDays", "60");
		app.getNode().setContext("drRegion", "eu-central-1");

		BackupSettings backups = InfraSettings.from(app).backups();

		assertThat(backups).isEqualTo(new BackupSettings(14, 90, 60, "eu-central-1"));
	}

	@Test
	void refusesAPointInTimeWindowRdsOrAwsBackupWouldRefuse() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BackupSettings(0, 35, 30, null))
			.withMessageContaining("retentionDays");
		assertThatIllegalArgumentException().isThrownBy(() -> new BackupSettings(36, 35, 30, null))
			.withMessageContaining("retentionDays");
	}

	@Test
	void refusesToExpireRecoveryPointsOrOldReceiptsAtOnce() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BackupSettings(7, 0, 30, null))
			.withMessageContaining("vaultRetentionDays");
		assertThatIllegalArgumentException().isThrownBy(() -> new BackupSettings(7, 35, 0, null))
			.withMessageContaining("noncurrentVersionDays");
	}

	@Test
	void refusesADisasterRecoveryRegionThatIsNotARegionsName() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> BackupSettings.DEFAULTS.withDrRegion("arn:aws:backup:us-west-2:123456789012:backup-vault:x"))
			.withMessageContaining("drRegion");
		assertThat(BackupSettings.DEFAULTS.withDrRegion("us-gov-west-1").drRegion()).isEqualTo("us-gov-west-1");
	}

}
