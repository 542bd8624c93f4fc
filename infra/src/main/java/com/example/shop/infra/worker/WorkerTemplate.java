package com.example.shop.infra.worker;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.instances.BakedImage;
import com.example.shop.infra.instances.HardenedLaunchTemplate;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * The workers' launch template: the baked worker AMI (static) and the queue, bucket and
 * database it works with (dynamic, in user data), in the template hardened like the web
 * instances'.
 */
final class WorkerTemplate {

	/** Graviton, like the web tier; the AMI is arm64. */
	static final InstanceType INSTANCE_TYPE = new InstanceType("t4g.small");

	private WorkerTemplate() {
	}

	static LaunchTemplate create(Construct scope, InfraSettings settings, ISecurityGroup securityGroup, IRole role,
			DataStack data) {
		BakedImage image = new BakedImage(scope, "WorkerAmiId", settings.workerAmiId(), "The worker AMI");
		return HardenedLaunchTemplate.create(scope, "Template", image, INSTANCE_TYPE, role, securityGroup,
				userData(data));
	}

	/**
	 * Where the database, the queue and the bucket are, written where the baked
	 * {@code orders-worker.service} reads its environment; the unit resolves the database
	 * credentials from the secret at start, so none is written here.
	 */
	private static UserData userData(DataStack data) {
		UserData userData = UserData.forLinux();
		userData.addCommands("set -euo pipefail", "install -d -m 0750 /etc/orders",
				"cat > /etc/orders/orders.env <<'EOF'", "AWS_REGION=" + Aws.REGION,
				"DB_HOST=" + data.database().getDbInstanceEndpointAddress(),
				"DB_PORT=" + data.database().getDbInstanceEndpointPort(),
				"DB_SECRET_ARN=" + data.databaseSecret().getSecretArn(),
				"ORDERS_RECEIPTS_QUEUE=" + data.orders().getQueueName(),
				"ORDERS_RECEIPTS_BUCKET=" + data.receipts().getBucketName(), "EOF", "chmod 0640 /etc/orders/orders.env",
				"systemctl restart orders-worker.service");
		return userData;
	}

}
