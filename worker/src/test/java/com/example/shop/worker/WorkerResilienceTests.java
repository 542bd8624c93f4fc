package com.example.shop.worker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.example.shop.orders.Order;
import com.example.shop.orders.OrderRepository;
import com.example.shop.orders.OrderStatus;
import com.example.shop.testsupport.OutsideTests;
import com.example.shop.testsupport.TestAws;
import com.example.shop.testsupport.TestBucket;
import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;
import com.example.shop.testsupport.TestQueues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker's side of the reliability rules, with the faults injected for real: an S3
 * server that is stopped (rules 6 and 8: the receipt waits, nothing is dead-lettered),
 * and a worker stopped while it holds a message (rule 3: it finishes the message before
 * it exits).
 */
// Redelivery and the breaker are shortened in proportion: the five receives before the
// DLQ (2, 2, 4, 8 s apart) must outlast the outage, S3Proxy's restart and the breaker's
// open state, as in production (4 s base, 10 s open). With a 1 s base and the 10 s open
// state, a slow restart on a busy machine sent the message to the DLQ.
@SpringBootTest(properties = { "spring.cloud.aws.sqs.listener.poll-timeout=1s", "orders.receipts.redelivery-base=2s",
		"orders.receipts.redelivery-cap=8s",
		"resilience4j.circuitbreaker.instances.s3.wait-duration-in-open-state=2s" })
@Import({ TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class })
class WorkerResilienceTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	private OrderRepository orders;

	@BeforeEach
	void emptyTheQueues() {
		TestQueues.purge();
	}

	@Test
	void s3OutageDelaysReceiptsButSendsNoneToTheDeadLetterQueue() throws InterruptedException {
		Order order = Fixtures.storeAcceptedOrder(this.orders);
		TestBucket.stop();
		try {
			Fixtures.send(TestQueues.ORDERS, Fixtures.orderPlaced(order.id()), Map.of());
			Thread.sleep(Duration.ofSeconds(4));

			assertThat(statusOf(order)).isEqualTo(OrderStatus.ACCEPTED);
		}
		finally {
			TestBucket.restart();
		}

		await().atMost(PATIENCE).until(() -> statusOf(order) == OrderStatus.PROCESSED);
		assertThat(TestQueues.depth(TestQueues.ORDERS_DLQ)).isZero();
	}

	@Test
	void stoppingTheWorkerFinishesTheMessageInProgress() {
		String queue = "orders-shutdown-test";
		try (SqsClient sqs = TestAws.sqsClient()) {
			sqs.createQueue((request) -> request.queueName(queue));
		}
		ConfigurableApplicationContext worker = SpringApplication.from(WorkerApplication::main)
			.with(TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class,
					OutsideTests.class)
			.run("--server.port=0", "--orders.receipts.queue=" + queue, "--orders.receipts.artificial-delay=3s",
					"--spring.cloud.aws.sqs.listener.poll-timeout=1s")
			.getApplicationContext();
		Order order = Fixtures.storeAcceptedOrder(this.orders);
		Fixtures.send(queue, Fixtures.orderPlaced(order.id()), Map.of());
		await().atMost(PATIENCE).until(() -> TestQueues.depth(queue) == 1 && inFlight(queue) == 1);

		CompletableFuture.runAsync(worker::close).join();

		assertThat(statusOf(order)).isEqualTo(OrderStatus.PROCESSED);
		assertThat(TestQueues.depth(queue)).isZero();
	}

	private OrderStatus statusOf(Order order) {
		return this.orders.findById(order.id()).orElseThrow().status();
	}

	private static int inFlight(String queue) {
		try (SqsClient sqs = TestAws.sqsClient()) {
			String url = sqs.getQueueUrl((request) -> request.queueName(queue)).queueUrl();
			return Integer.parseInt(sqs.getQueueAttributes((request) -> request.queueUrl(url)
				.attributeNames(
						software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
				.attributesAsStrings()
				.get("ApproximateNumberOfMessagesNotVisible"));
		}
	}

}
