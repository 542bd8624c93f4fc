package com.example.shop.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event waiting in the outbox.
 *
 * @param id the outbox row, in commit-ish order
 * @param eventType what happened, e.g. {@code OrderPlaced}
 * @param aggregateId what it happened to
 * @param payload the message body, JSON
 * @param createdAt when the event was stored
 * @param correlationId the correlation id of the request that stored it, if any
 */
public record OutboxEvent(long id, String eventType, UUID aggregateId, String payload, Instant createdAt,
		@Nullable String correlationId) {
}
