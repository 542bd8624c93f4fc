package com.example.shop.outbox;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.example.shop.testsupport.TestDatabaseConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ TestDatabaseConfiguration.class, OutboxRepository.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class OutboxRepositoryTests {

	@Autowired
	private OutboxRepository outbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.sql("DELETE FROM outbox").update();
	}

	@Test
	void claimsPendingEventsOldestFirstAndForgetsThemOnceSent() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		this.outbox.append("OrderPlaced", first, "{\"n\": 1}", "corr-1");
		this.outbox.append("OrderPlaced", second, "{\"n\": 2}", null);

		List<OutboxEvent> claimed = this.transactions.execute((tx) -> {
			List<OutboxEvent> events = this.outbox.lockPending(10);
			this.outbox.markSent(events.stream().map(OutboxEvent::id).toList());
			return events;
		});

		assertThat(claimed).extracting(OutboxEvent::aggregateId).containsExactly(first, second);
		assertThat(claimed.getFirst().payload()).isEqualTo("{\"n\": 1}");
		assertThat(claimed).extracting(OutboxEvent::correlationId).containsExactly("corr-1", null);
		assertThat(this.outbox.countPending()).isZero();
	}

	@Test
	void twoRelaysNeverClaimTheSameEvent() throws Exception {
		for (int i = 0; i < 4; i++) {
			this.outbox.append("OrderPlaced", UUID.randomUUID(), "{}", null);
		}
		CountDownLatch firstHasClaimed = new CountDownLatch(1);
		CountDownLatch secondHasClaimed = new CountDownLatch(1);

		CompletableFuture<List<OutboxEvent>> firstRelay = CompletableFuture
			.supplyAsync(() -> this.transactions.execute((tx) -> {
				List<OutboxEvent> events = this.outbox.lockPending(2);
				firstHasClaimed.countDown();
				await(secondHasClaimed);
				return events;
			}));
		await(firstHasClaimed);
		List<OutboxEvent> secondRelay = this.transactions.execute((tx) -> this.outbox.lockPending(10));
		secondHasClaimed.countDown();

		assertThat(firstRelay.get(10, TimeUnit.SECONDS)).hasSize(2);
		assertThat(secondRelay).hasSize(2).doesNotContainAnyElementsOf(firstRelay.get());
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
