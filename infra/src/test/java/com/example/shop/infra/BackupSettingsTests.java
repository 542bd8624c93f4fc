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
	void defaultsToAWeekOfPointInTimeRestoreAndAMonthOfOldReceipts() {
		InfraSettings settings = InfraSettings.from(Deployment.newApp());

		assertThat(settings.backups()).isEqualTo(new BackupSettings(7, 30));
	}

	@Test
	void readsTheRetentionPeriodsFromTheContext() {
		App app = Deployment.newApp();
		app.getNode().setContext("backupRetentionDays", "14");
		app.getNode().setContext("noncurrentVersionDays", "90");

		BackupSettings backups = InfraSettings.from(app).backups();

		assertThat(backups).isEqualTo(new BackupSettings(14, 90));
	}

	@Test
	void refusesARetentionRdsWouldRefuse() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BackupSettings(0, 30))
			.withMessageContaining("retentionDays");
		assertThatIllegalArgumentException().isThrownBy(() -> new BackupSettings(36, 30))
			.withMessageContaining("retentionDays");
	}

	@Test
	void refusesToExpireOldReceiptsAtOnce() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BackupSettings(7, 0))
			.withMessageContaining("noncurrentVersionDays");
	}

}
