package com.example.shop.lab.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.process.Processes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How the lab runs Adobe S3Mock (the {@code exec} jar from Maven Central, copied to
 * {@code lab/target/servers/s3mock.jar} by the build) as its S3: plain HTTP on
 * {@link Ports#S3}, objects and their versions kept in {@code .lab/s3/store} across
 * restarts.
 * <p>
 * S3Mock serves on two connectors, its main one ({@code server.port}, bound to
 * {@code server.address}) and an extra HTTP one that it binds to every interface and
 * offers no setting for. A two-line Spring XML file, given to it as an extra source,
 * binds that one to 127.0.0.1 too, so nothing the lab starts is reachable from another
 * machine. S3Mock checks no signatures: any credentials are accepted.
 */
final class S3MockServer {

	private static final String LOOPBACK_XML = """
			<?xml version="1.0" encoding="UTF-8"?>
			<!-- bin/lab: S3Mock's extra HTTP connector listens on 127.0.0.1 only, like its main one. -->
			<beans xmlns="http://www.springframework.org/schema/beans"
					xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
					xsi:schemaLocation="http://www.springframework.org/schema/beans https://www.springframework.org/schema/beans/spring-beans.xsd">
				<bean id="labLoopbackHttpConnector" class="org.springframework.beans.factory.config.MethodInvokingBean"
						lazy-init="false">
					<property name="targetObject" ref="httpConnector"/>
					<property name="targetMethod" value="setProperty"/>
					<property name="arguments"><list><value>address</value><value>127.0.0.1</value></list></property>
				</bean>
			</beans>
			""";

	private final LabPaths paths;

	S3MockServer(LabPaths paths) {
		this.paths = paths;
	}

	/**
	 * The command line that starts S3Mock.
	 * @return java, its options and S3Mock's settings
	 */
	List<String> command() {
		try {
			Path store = Files.createDirectories(this.paths.objectStore().resolve("store"));
			Path loopback = this.paths.objectStore().resolve("loopback.xml");
			Files.writeString(loopback, LOOPBACK_XML);
			return List.of(Processes.java(), "-Xmx384m", "-XX:+UseSerialGC", "-jar", this.paths.s3mockJar().toString(),
					"--server.ssl.enabled=false", "--server.address=127.0.0.1", "--server.port=" + Ports.S3,
					"--http.port=" + Ports.S3_EXTRA, "--spring.main.sources=" + loopback.toUri(),
					"--com.adobe.testing.s3mock.store.root=" + store,
					"--com.adobe.testing.s3mock.store.retain-files-on-exit=true");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Carries the receipts a lab made before S3Mock (S3Proxy kept them as files in
	 * {@code .lab/s3/data/receipts/}) over into the bucket, once; the files stay where
	 * they are.
	 */
	void importS3ProxyData() {
		Path old = this.paths.objectStore().resolve("data").resolve(AwsClients.BUCKET);
		Path done = this.paths.objectStore().resolve("s3proxy-imported");
		if (!Files.isDirectory(old) || Files.exists(done)) {
			return;
		}
		try (S3Client s3 = AwsClients.s3(); Stream<Path> files = Files.walk(old)) {
			files.filter(Files::isRegularFile)
				.forEach((file) -> s3.putObject(
						(request) -> request.bucket(AwsClients.BUCKET).key(old.relativize(file).toString()),
						RequestBody.fromFile(file)));
			Files.writeString(done, "receipts from S3Proxy's folder were put into S3Mock\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
