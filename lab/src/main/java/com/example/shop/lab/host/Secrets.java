package com.example.shop.lab.host;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The lab's database passwords: made up on the first {@code bin/lab up}, kept in
 * {@code .lab/secrets.properties} (readable by its owner only), never in the repository.
 *
 * @param databasePassword the application's password ({@code orders} role)
 * @param replicationPassword the standby's password ({@code replicator} role)
 */
public record Secrets(String databasePassword, String replicationPassword) {

	/** The S3 and SQS stand-ins accept any credentials; these are not secrets. */
	public static final String AWS_ACCESS_KEY = "lab";

	public static final String AWS_SECRET_KEY = "lab-secret-not-a-secret";

	public static Secrets loadOrCreate(LabPaths paths) {
		Properties properties = new Properties();
		try {
			if (Files.exists(paths.secrets())) {
				try (Reader reader = Files.newBufferedReader(paths.secrets())) {
					properties.load(reader);
				}
				return new Secrets(properties.getProperty("database"), properties.getProperty("replication"));
			}
			Secrets secrets = new Secrets(random(), random());
			properties.setProperty("database", secrets.databasePassword());
			properties.setProperty("replication", secrets.replicationPassword());
			Files.createDirectories(paths.state());
			Files.createFile(paths.secrets(),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (Writer writer = Files.newBufferedWriter(paths.secrets())) {
				properties.store(writer, "Made up by bin/lab up for this lab only");
			}
			return secrets;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String random() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
