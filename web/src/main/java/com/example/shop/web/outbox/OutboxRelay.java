package com.example.shop.web.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import com.example.shop.outbox.OutboxEvent;
import com.example.shop.outbox.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending outbox events to SQS in batches and marks them sent. Each batch is
 * claimed and marked in one transaction: if the relay dies after sending but before
 * committing, the batch is sent again later. Delivery is therefore at least once, and the
 * worker is idempotent.
 */
@Component
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxRepository outbox;

	private final SqsAsyncClient sqs;

	private final TransactionTemplate transactions;

	private final OutboxProperties properties;

	private final Clock clock;

	private volatile String queueUrl = "";

	OutboxRelay(OutboxRepository outbox, SqsAsyncClient sqs, TransactionTemplate transactions,
			OutboxProperties properties, Clock clock) {
		this.outbox = outbox;
		this.sqs = sqs;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Sends batches until the outbox is empty or SQS fails; then waits for the next run.
	 */
	@Scheduled(fixedDelayString = "${orders.outbox.poll-interval}")
	void relayPending() {
		try {
			while (relayBatch() == this.properties.batchSize()) {
				// a full batch: there may be more waiting
			}
		}
		catch (SdkException | CompletionException ex) {
			log.warn("Could not send outbox events to SQS, will retry: {}", ex.getMessage());
		}
	}

	/**
	 * Claims one batch, sends it, marks what SQS accepted.
	 * @return how many events were sent
	 */
	int relayBatch() {
		Integer sent = this.transactions.execute((tx) -> {
			List<OutboxEvent> events = this.outbox.lockPending(this.properties.batchSize());
			if (events.isEmpty()) {
				return 0;
			}
			List<Long> accepted = send(events);
			this.outbox.markSent(accepted);
			return accepted.size();
		});
		return (sent != null) ? sent : 0;
	}

	private List<Long> send(List<OutboxEvent> events) {
		SendMessageBatchResponse response = this.sqs
			.sendMessageBatch(
					(batch) -> batch.queueUrl(queueUrl()).entries(events.stream().map(OutboxRelay::entry).toList()))
			.join();
		response.failed()
			.forEach((failure) -> log.warn("SQS refused outbox event {}: {}", failure.id(), failure.message()));
		return response.successful().stream().map((success) -> Long.valueOf(success.id())).toList();
	}

	private static SendMessageBatchRequestEntry entry(OutboxEvent event) {
		return SendMessageBatchRequestEntry.builder()
			.id(Long.toString(event.id()))
			.messageBody(event.payload())
			.messageAttributes(Map.of("eventType", stringAttribute(event.eventType()), "aggregateId",
					stringAttribute(event.aggregateId().toString())))
			.build();
	}

	private static MessageAttributeValue stringAttribute(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	private String queueUrl() {
		if (this.queueUrl.isEmpty()) {
			this.queueUrl = this.sqs.getQueueUrl((request) -> request.queueName(this.properties.queue()))
				.join()
				.queueUrl();
		}
		return this.queueUrl;
	}

	/** Deletes sent events past their retention, so the outbox table stays small. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void deleteOldSentEvents() {
		int deleted = this.outbox.deleteSentBefore(this.clock.instant().minus(this.properties.retention()));
		if (deleted > 0) {
			log.info("Deleted {} sent outbox events older than {}", deleted, this.properties.retention());
		}
	}

}
