package com.example.shop.infra.data;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.network.NetworkStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/** STUB, to be replaced: the database, the queues and the receipts bucket. */
public class DataStack extends Stack {

	private final DatabaseInstance database;

	private final Queue orders;

	private final Queue deadLetters;

	private final Bucket receipts;

	public DataStack(Construct scope, String id, StackProps props, InfraSettings settings, NetworkStack network) {
		super(scope, id, props);
		this.database = DatabaseInstance.Builder.create(this, "Database")
			.engine(DatabaseInstanceEngine
				.postgres(PostgresInstanceEngineProps.builder().version(PostgresEngineVersion.VER_17).build()))
			.vpc(network.vpc())
			.vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
			.build();
		this.deadLetters = Queue.Builder.create(this, "OrdersDlq").build();
		this.orders = Queue.Builder.create(this, "Orders")
			.deadLetterQueue(DeadLetterQueue.builder().queue(this.deadLetters).maxReceiveCount(5).build())
			.build();
		this.receipts = Bucket.Builder.create(this, "Receipts").build();
	}

	public DatabaseInstance database() {
		return this.database;
	}

	public ISecret databaseSecret() {
		return this.database.getSecret();
	}

	public IQueue orders() {
		return this.orders;
	}

	public IQueue deadLetters() {
		return this.deadLetters;
	}

	public IBucket receipts() {
		return this.receipts;
	}

}
