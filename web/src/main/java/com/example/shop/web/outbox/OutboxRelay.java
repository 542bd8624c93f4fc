package com.example.shop.web.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.example.shop.observability.Correlation;
import com.example.shop.outbox.OutboxEvent;
import com.example.shop.outbox.OutboxRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
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

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

	private final OutboxRepository outbox;

	private final SqsAsyncClient sqs;

	private final TransactionTemplate transactions;

	private final OutboxProperties properties;

	private final Clock clock;

	private final AtomicLong pending = new AtomicLong();

	private volatile String queueUrl = "";

	private volatile Instant pendingCountedAt = Instant.EPOCH;

	private volatile Instant retryAt = Instant.EPOCH;

	private volatile int failures;

	OutboxRelay(OutboxRepository outbox, SqsAsyncClient sqs, TransactionTemplate transactions,
			OutboxProperties properties, Clock clock, MeterRegistry meters) {
		this.outbox = outbox;
		this.sqs = sqs;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("outbox.pending", this.pending, AtomicLong::get)
			.description("Events stored but not yet sent to SQS (counted at most once a second)")
			.register(meters);
	}

	/**
	 * Sends batches until the outbox is empty or SQS fails; then waits for the next run.
	 */
	@Scheduled(fixedDelayString = "${orders.outbox.poll-interval}")
	void relayPending() {
		if (this.clock.instant().isBefore(this.retryAt)) {
			return;
		}
		try {
			while (relayBatch() == this.properties.batchSize()) {
				// a full batch: there may be more waiting
			}
			this.failures = 0;
		}
		catch (SdkException | CompletionException ex) {
			backOff("Could not send outbox events to SQS", ex);
		}
		catch (DataAccessException | TransactionException ex) {
			backOff("Could not read the outbox", ex);
		}
		finally {
			countPending();
		}
	}

	/**
	 * After a failed run, waits before the next: exponential in the failures in a row,
	 * with full jitter, capped at 10 s, so that a dead dependency is not hammered every
	 * 250 ms by every instance, and the instances do not all come back at the same moment
	 * (rule 5).
	 */
	private void backOff(String what, Exception ex) {
		this.failures++;
		long ceiling = Math.min(MAX_BACKOFF.toMillis(),
				this.properties.pollInterval().toMillis() << Math.min(this.failures, 10));
		Duration wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
		this.retryAt = this.clock.instant().plus(wait);
		log.warn("{} ({} in a row), next try in {} ms: {}", what, this.failures, wait.toMillis(), ex.getMessage());
	}

	private void countPending() {
		Instant now = this.clock.instant();
		if (now.isAfter(this.pendingCountedAt.plusSeconds(1))) {
			this.pendingCountedAt = now;
			try {
				this.pending.set(this.outbox.countPending());
			}
			catch (DataAccessException ex) {
				// the database is down: the gauge keeps its last value
			}
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
		Map<String, MessageAttributeValue> attributes = new HashMap<>();
		attributes.put("eventType", stringAttribute(event.eventType()));
		attributes.put("aggregateId", stringAttribute(event.aggregateId().toString()));
		if (event.correlationId() != null) {
			attributes.put(Correlation.KEY, stringAttribute(event.correlationId()));
		}
		return SendMessageBatchRequestEntry.builder()
			.id(Long.toString(event.id()))
			.messageBody(event.payload())
			.messageAttributes(attributes)
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
