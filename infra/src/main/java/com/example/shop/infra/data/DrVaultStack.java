package com.example.shop.infra.data;

import com.example.shop.infra.InfraSettings;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.backup.BackupVault;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The backup vault in the disaster-recovery region, which the data stack's daily rule
 * copies its recovery points into: a stack of its own because a stack lives in one
 * region. It exists only when the settings name a {@code drRegion}. The vault has its own
 * KMS key in that region, because a key never leaves its region and a copy must be
 * readable when the home region is not; like the home vault, it is retained with its
 * stack and denies deleting a recovery point early.
 * <p>
 * The data stack refers to the vault by an ARN built from its fixed name, not by a
 * cross-stack reference (CloudFormation exports do not cross regions), and deploys after
 * this stack.
 */
public class DrVaultStack extends Stack {

	private final BackupVault vault;

	public DrVaultStack(Construct scope, String id, InfraSettings settings, String region) {
		super(scope, id,
				StackProps.builder()
					.env(Environment.builder().region(region).build())
					.description("The orders backups' disaster-recovery vault, in " + region)
					.build());
		Key key = Key.Builder.create(this, "VaultKey")
			.description("Encrypts the copies of the orders recovery points in this region")
			.enableKeyRotation(true)
			.removalPolicy(RemovalPolicy.RETAIN)
			.build();
		this.vault = BackupVault.Builder.create(this, "Vault")
			.backupVaultName(vaultName(settings.prefix()))
			.encryptionKey(key)
			.blockRecoveryPointDeletion(true)
			.removalPolicy(RemovalPolicy.RETAIN)
			.build();
	}

	/**
	 * The vault's name, which the data stack builds the vault's ARN from.
	 * @param prefix the deployment's prefix
	 * @return the name
	 */
	static String vaultName(String prefix) {
		return prefix + "-orders-backups-dr";
	}

	public BackupVault vault() {
		return this.vault;
	}

}
