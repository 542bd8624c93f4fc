package com.example.shop.lab.standins;

import java.time.Duration;
import java.util.List;

import com.example.shop.lab.host.LabException;
import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.process.Await;
import com.example.shop.lab.process.Endpoints;
import com.example.shop.lab.process.Launch;
import com.example.shop.lab.process.Processes;
import com.example.shop.lab.servers.SqsServer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The lab's SQS (ElasticMQ) and S3 (Adobe S3Mock over a folder in {@code .lab/s3}), each
 * in a JVM of its own so it can be stopped and started like the service it stands for.
 * The receipts bucket is versioned, as on AWS: a deleted receipt leaves a delete marker
 * and its earlier versions, which {@link ReceiptVersions} restores.
 */
public final class AwsStandIns {

	/** Receives before a message goes to the DLQ, as on AWS. */
	public static final int MAX_RECEIVES = 5;

	/**
	 * Seconds a received message stays invisible: short, so a failing message shows up
	 * fast in demos.
	 */
	public static final int VISIBILITY_SECONDS = 10;

	private final LabPaths paths;

	public AwsStandIns(LabPaths paths) {
		this.paths = paths;
	}

	public void up(LabState state) {
		if (!running(state, "sqs")) {
			long pid = Launch
				.of(List.of(Processes.java(), "-Xmx128m", "-XX:+UseSerialGC", "-cp", this.paths.labJar().toString(),
						SqsServer.class.getName(), String.valueOf(Ports.SQS), AwsClients.QUEUE, AwsClients.DLQ,
						String.valueOf(MAX_RECEIVES), String.valueOf(VISIBILITY_SECONDS)))
				.appendTo(this.paths.log("sqs"))
				.lowPriority(true)
				.detach();
			state.put(new LabState.Component("sqs", "sqs", pid, Ports.SQS));
		}
		if (!running(state, "s3")) {
			long pid = Launch.of(new S3MockServer(this.paths).command())
				.appendTo(this.paths.log("s3"))
				.lowPriority(true)
				.detach();
			state.put(new LabState.Component("s3", "s3", pid, Ports.S3));
		}
		awaitListening(state, "sqs");
		awaitListening(state, "s3");
		awaitQueues();
		createBucket();
		new S3MockServer(this.paths).importS3ProxyData();
	}

	public void down(LabState state) {
		for (String name : List.of("sqs", "s3")) {
			state.get(name).ifPresent((component) -> Processes.stop(component.pid(), Duration.ofSeconds(5)));
			state.remove(name);
		}
	}

	/**
	 * Puts a message on a queue, as a producer would.
	 * @param queue the queue
	 * @param body the message
	 * @return its message id
	 */
	public String send(String queue, String body) {
		try (SqsClient sqs = AwsClients.sqs()) {
			String url = sqs.getQueueUrl((request) -> request.queueName(queue)).queueUrl();
			return sqs.sendMessage((request) -> request.queueUrl(url).messageBody(body)).messageId();
		}
	}

	/**
	 * Empties the dead-letter queue, so a game-day scenario sees only what it put there.
	 */
	public void purgeDeadLetters() {
		try (SqsClient sqs = AwsClients.sqs()) {
			String url = sqs.getQueueUrl((request) -> request.queueName(AwsClients.DLQ)).queueUrl();
			sqs.purgeQueue((request) -> request.queueUrl(url));
		}
	}

	private static boolean running(LabState state, String name) {
		return state.get(name).map((component) -> Processes.isAlive(component.pid())).orElse(false);
	}

	private static void awaitListening(LabState state, String name) {
		LabState.Component component = state.get(name).orElseThrow();
		if (!Await.until(Duration.ofSeconds(60), () -> Endpoints.isListening(component.port()))) {
			throw new LabException(name + " did not start; see bin/lab logs " + name);
		}
	}

	private static void awaitQueues() {
		boolean created = Await.until(Duration.ofSeconds(30), () -> {
			try (SqsClient sqs = AwsClients.sqs()) {
				sqs.getQueueUrl((request) -> request.queueName(AwsClients.DLQ));
				sqs.getQueueUrl((request) -> request.queueName(AwsClients.QUEUE));
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
		if (!created) {
			throw new LabException("the SQS queues were not created; see bin/lab logs sqs");
		}
	}

	private static void createBucket() {
		try (S3Client s3 = AwsClients.s3()) {
			boolean exists = s3.listBuckets().buckets().stream().anyMatch((b) -> b.name().equals(AwsClients.BUCKET));
			if (!exists) {
				s3.createBucket((request) -> request.bucket(AwsClients.BUCKET));
			}
			s3.putBucketVersioning((request) -> request.bucket(AwsClients.BUCKET)
				.versioningConfiguration((versioning) -> versioning.status(BucketVersioningStatus.ENABLED)));
		}
	}

}
