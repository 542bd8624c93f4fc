package com.example.shop.infra.data;

import java.util.List;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.network.NetworkStack;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.PerformanceInsightRetention;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.RotationSingleUserOptions;
import software.constructs.Construct;

/**
 * RDS PostgreSQL, Multi-AZ so that losing an AZ costs a failover (a minute or two), not
 * the orders. The engine version is pinned and minor upgrades are not automatic: an
 * upgrade is a reviewed change to this file, and the template never disagrees with the
 * running database. The instance size is a demo size; production sizes are in the README.
 * <p>
 * Automated backups are what a point-in-time restore replays (docs/recovery.md): a daily
 * snapshot plus the transaction logs RDS ships every few minutes, kept for the configured
 * number of days. Their window is fixed, rather than left to RDS, so that it never meets
 * the maintenance window or the AWS Backup plan's window, and the runbook can say when
 * the I/O of a snapshot is to be expected.
 */
final class OrdersDatabase extends Construct {

	/** Burstable Graviton, 2 vCPU and 4 GiB: enough for the demo and labs. */
	private static final InstanceType DEMO_SIZE = InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON,
			InstanceSize.MEDIUM);

	/**
	 * Half an hour (RDS's minimum) at 03:00 UTC; move it to the workload's quietest time.
	 */
	static final String BACKUP_WINDOW = "03:00-03:30";

	/** After the backup window, never overlapping it (RDS refuses that). */
	static final String MAINTENANCE_WINDOW = "Sun:04:00-Sun:04:30";

	private final SecurityGroup group;

	private final DatabaseInstance instance;

	OrdersDatabase(Construct scope, String id, InfraSettings settings, NetworkStack network) {
		super(scope, id);
		this.group = SecurityGroup.Builder.create(this, "SecurityGroup")
			.vpc(network.vpc())
			.description("The orders database: PostgreSQL from the web and worker instances only")
			.allowAllOutbound(false)
			.build();
		this.group.addIngressRule(network.webGroup(), Port.tcp(NetworkStack.DATABASE_PORT), "From the web instances");
		this.group.addIngressRule(network.workerGroup(), Port.tcp(NetworkStack.DATABASE_PORT),
				"From the worker instances");
		this.instance = DatabaseInstance.Builder.create(this, "Instance")
			.engine(DatabaseInstanceEngine
				.postgres(PostgresInstanceEngineProps.builder().version(PostgresEngineVersion.VER_17_6).build()))
			.autoMinorVersionUpgrade(false)
			.instanceType(DEMO_SIZE)
			.vpc(network.vpc())
			.vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
			.securityGroups(List.of(this.group))
			.port(NetworkStack.DATABASE_PORT)
			.credentials(Credentials.fromGeneratedSecret("orders"))
			.databaseName("orders")
			.multiAz(true)
			.storageEncrypted(true)
			.allocatedStorage(20)
			.maxAllocatedStorage(100)
			.backupRetention(Duration.days(settings.backups().retentionDays()))
			.preferredBackupWindow(BACKUP_WINDOW)
			.preferredMaintenanceWindow(MAINTENANCE_WINDOW)
			.copyTagsToSnapshot(true)
			// Deleting the instance keeps its automated backups for their retention
			// period, so
			// a deleted database can still be restored to a point in time
			// (docs/recovery.md).
			.deleteAutomatedBackups(false)
			.deletionProtection(settings.deletionProtection())
			.removalPolicy(RemovalPolicy.SNAPSHOT)
			.enablePerformanceInsights(true)
			.performanceInsightRetention(PerformanceInsightRetention.DEFAULT)
			.cloudwatchLogsExports(List.of("postgresql"))
			.build();
		this.instance.addRotationSingleUser(RotationSingleUserOptions.builder()
			.automaticallyAfter(Duration.days(30))
			.securityGroup(network.rotationGroup())
			.build());
		NagSuppressions.addResourceSuppressions(this.instance,
				List.of(NagPackSuppression.builder()
					.id("AwsSolutions-RDS11")
					.reason("A non-default port is obscurity, not a control: the database is in isolated subnets "
							+ "and its security group admits only the web, worker and rotation groups.")
					.build()),
				true);
	}

	DatabaseInstance instance() {
		return this.instance;
	}

	ISecurityGroup group() {
		return this.group;
	}

}
