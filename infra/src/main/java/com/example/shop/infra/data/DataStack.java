package com.example.shop.infra.data;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.network.NetworkStack;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The database, the queues and the receipts bucket, and the backups of the database and
 * the bucket: one stack because they share a lifecycle (created once, kept across every
 * deployment of the tiers) and none of them may be lost when a tier is replaced. Its
 * outputs name what the restore runbook (docs/recovery.md) starts from.
 */
public class DataStack extends Stack {

	private final OrdersDatabase database;

	private final OrdersQueues queues;

	private final ReceiptsBucket receipts;

	private final OrdersBackups backups;

	public DataStack(Construct scope, String id, StackProps props, InfraSettings settings, NetworkStack network) {
		super(scope, id, props);
		this.database = new OrdersDatabase(this, "Database", settings, network);
		this.queues = new OrdersQueues(this, "Queues", settings);
		this.receipts = new ReceiptsBucket(this, "Receipts", settings.backups());
		this.backups = new OrdersBackups(this, "Backups", settings, this.database.instance(), this.receipts.bucket());
		output("DatabaseInstanceId", this.database.instance().getInstanceIdentifier(),
				"The database instance a point-in-time restore starts from (docs/recovery.md)");
		output("DatabaseSecretArn", this.database.instance().getSecret().getSecretArn(),
				"The database's credentials, which a restored instance is logged into with");
		output("ReceiptsBucketName", this.receipts.bucket().getBucketName(), "The bucket of receipt PDFs");
		output("BackupVaultName", this.backups.vault().getBackupVaultName(),
				"The AWS Backup vault of the database's and the bucket's recovery points");
		output("BackupRoleArn", this.backups.role().getRoleArn(),
				"The role AWS Backup backs up and restores with; pass it to start-restore-job");
	}

	private void output(String id, String value, String description) {
		CfnOutput.Builder.create(this, id).value(value).description(description).build();
	}

	public DatabaseInstance database() {
		return this.database.instance();
	}

	public ISecret databaseSecret() {
		return this.database.instance().getSecret();
	}

	/**
	 * The database's own group, which admits PostgreSQL from the web and worker groups.
	 * @return the database's security group
	 */
	public ISecurityGroup databaseGroup() {
		return this.database.group();
	}

	public IQueue orders() {
		return this.queues.orders();
	}

	public IQueue deadLetters() {
		return this.queues.deadLetters();
	}

	public IBucket receipts() {
		return this.receipts.bucket();
	}

}
