package com.example.shop.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.example.shop.observability.Correlation;
import com.example.shop.orders.Order;
import com.example.shop.orders.OrderRepository;
import com.example.shop.orders.OrderStatus;
import com.example.shop.testsupport.TestAws;
import com.example.shop.testsupport.TestBucket;
import com.example.shop.testsupport.TestBucketConfiguration;
import com.example.shop.testsupport.TestDatabaseConfiguration;
import com.example.shop.testsupport.TestQueueConfiguration;
import com.example.shop.testsupport.TestQueues;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The worker end to end, against real PostgreSQL, SQS (ElasticMQ) and S3 (S3Proxy)
 * servers: messages go in through the queue as the web tier sends them (plain JSON, no
 * type header), and the outcome is read from the database, the bucket and the queues. A
 * one-second long poll lets the listener stop quickly when the tests end.
 */
@SpringBootTest(properties = { "spring.cloud.aws.sqs.listener.poll-timeout=1s", "orders.receipts.redelivery-base=1s",
		"orders.receipts.redelivery-cap=8s" })
@Import({ TestDatabaseConfiguration.class, TestQueueConfiguration.class, TestBucketConfiguration.class })
@ExtendWith(OutputCaptureExtension.class)
class WorkerApplicationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(45);

	@Autowired
	private OrderRepository orders;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void emptyTheQueues() {
		TestQueues.purge();
	}

	@Test
	void placedOrderGetsItsReceiptAndBecomesProcessed() throws IOException {
		Order order = storeAcceptedOrder();

		send(orderPlaced(order.id()));

		String key = "receipts/" + order.id() + ".pdf";
		await().atMost(PATIENCE).until(() -> statusOf(order) == OrderStatus.PROCESSED);
		assertThat(this.orders.findById(order.id())).get().extracting(Order::receiptKey).isEqualTo(key);
		ResponseBytes<GetObjectResponse> receipt = receipt(key);
		assertThat(receipt.response().contentType()).isEqualTo("application/pdf");
		assertThat(new String(receipt.asByteArray(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		assertThat(textOf(receipt.asByteArray())).contains("Order: " + order.id());
		await().atMost(PATIENCE).until(() -> TestQueues.depth(TestQueues.ORDERS) == 0);
	}

	@Test
	void logLinesCarryTheCorrelationIdOfTheRequest(CapturedOutput output) {
		Order order = storeAcceptedOrder();

		Fixtures.send(TestQueues.ORDERS, orderPlaced(order.id()), Map.of(Correlation.KEY, "corr-" + order.id()));

		await().atMost(PATIENCE).until(() -> statusOf(order) == OrderStatus.PROCESSED);
		await().atMost(PATIENCE)
			.until(() -> output.getOut()
				.lines()
				.anyMatch((line) -> line.contains("\"correlationId\":\"corr-" + order.id() + "\"")
						&& line.contains("processed")));
	}

	@Test
	void redeliveredMessageDoesNoWorkTwice() {
		Order order = storeAcceptedOrder();
		String message = orderPlaced(order.id());
		double renderedBefore = count("receipts.rendered");
		double processedBefore = count("orders.processed");

		send(message);
		await().atMost(PATIENCE).until(() -> statusOf(order) == OrderStatus.PROCESSED);
		send(message);

		await().atMost(PATIENCE).until(() -> TestQueues.depth(TestQueues.ORDERS) == 0);
		assertThat(count("receipts.rendered") - renderedBefore).isEqualTo(1);
		assertThat(count("orders.processed") - processedBefore).isEqualTo(1);
		assertThat(statusOf(order)).isEqualTo(OrderStatus.PROCESSED);
	}

	@Test
	void unreadableMessageIsDeadLetteredWithoutBlockingTheNextOne() {
		Order order = storeAcceptedOrder();

		send("{\"orderId\": \"not-a-uuid\"");
		send(orderPlaced(order.id()));

		await().atMost(PATIENCE).until(() -> statusOf(order) == OrderStatus.PROCESSED);
		await().atMost(PATIENCE).until(() -> TestQueues.depth(TestQueues.ORDERS_DLQ) == 1);
		assertThat(TestQueues.depth(TestQueues.ORDERS)).isZero();
	}

	@Test
	void messageForAnUnknownOrderIsDeadLettered() {
		UUID unknown = UUID.randomUUID();
		double renderedBefore = count("receipts.rendered");
		double processedBefore = count("orders.processed");

		send(orderPlaced(unknown));

		await().atMost(PATIENCE).until(() -> TestQueues.depth(TestQueues.ORDERS_DLQ) == 1);
		assertThat(TestQueues.depth(TestQueues.ORDERS)).isZero();
		assertThat(count("receipts.rendered")).isEqualTo(renderedBefore);
		assertThat(count("orders.processed")).isEqualTo(processedBefore);
		assertThatExceptionOfType(NoSuchKeyException.class).isThrownBy(() -> receipt("receipts/" + unknown + ".pdf"));
	}

	private Order storeAcceptedOrder() {
		return Fixtures.storeAcceptedOrder(this.orders);
	}

	private static String orderPlaced(UUID orderId) {
		return Fixtures.orderPlaced(orderId);
	}

	private OrderStatus statusOf(Order order) {
		return this.orders.findById(order.id()).orElseThrow().status();
	}

	private double count(String counter) {
		return this.meters.get(counter).counter().count();
	}

	private static void send(String body) {
		Fixtures.send(TestQueues.ORDERS, body, Map.of());
	}

	private static String textOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static ResponseBytes<GetObjectResponse> receipt(String key) {
		try (S3Client s3 = TestAws.s3Client()) {
			return s3.getObjectAsBytes((request) -> request.bucket(TestBucket.RECEIPTS).key(key));
		}
	}

}
