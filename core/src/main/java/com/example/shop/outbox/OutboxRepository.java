package com.example.shop.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores and claims outbox events. {@link #lockPending} uses
 * {@code FOR UPDATE SKIP LOCKED}, so any number of web instances can relay at once: each
 * claims a different batch, none waits on another, and a batch whose relay dies is
 * unlocked and claimed again.
 */
@Repository
public class OutboxRepository {

	private final JdbcClient jdbc;

	public OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds an event; call it in the transaction that makes the change the event
	 * announces.
	 * @param eventType what happened
	 * @param aggregateId what it happened to
	 * @param payload the message body, JSON
	 * @param correlationId the correlation id of the request, if any
	 */
	public void append(String eventType, UUID aggregateId, String payload, @Nullable String correlationId) {
		this.jdbc.sql("""
				INSERT INTO outbox (event_type, aggregate_id, payload, correlation_id)
				VALUES (:type, :id, CAST(:payload AS jsonb), :correlationId)
				""")
			.param("type", eventType)
			.param("id", aggregateId)
			.param("payload", payload)
			.param("correlationId", correlationId)
			.update();
	}

	/**
	 * Claims the oldest unsent events that no other transaction has claimed. The claim
	 * lasts until the calling transaction ends, so call it inside one.
	 * @param limit the most events to claim
	 * @return the claimed events, oldest first
	 */
	public List<OutboxEvent> lockPending(int limit) {
		return this.jdbc.sql("""
				SELECT id, event_type, aggregate_id, payload::text AS payload, created_at, correlation_id FROM outbox
				WHERE sent_at IS NULL ORDER BY id LIMIT :limit
				FOR UPDATE SKIP LOCKED
				""")
			.param("limit", limit)
			.query((rs, n) -> new OutboxEvent(rs.getLong("id"), rs.getString("event_type"),
					rs.getObject("aggregate_id", UUID.class), rs.getString("payload"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("correlation_id")))
			.list();
	}

	/**
	 * Records that events were sent.
	 * @param ids the events sent
	 * @return how many were marked
	 */
	public int markSent(List<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("UPDATE outbox SET sent_at = now() WHERE id = ANY(:ids) AND sent_at IS NULL")
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

	/**
	 * How many events wait to be sent: the relay's backlog.
	 * @return the number of unsent events
	 */
	public long countPending() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL").query(Long.class).single();
	}

	/**
	 * Deletes sent events older than a point in time, so the table does not grow forever.
	 * @param before the cut-off
	 * @return how many were deleted
	 */
	public int deleteSentBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM outbox WHERE sent_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

}
