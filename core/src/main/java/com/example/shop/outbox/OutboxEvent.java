package com.example.shop.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the outbox.
 *
 * @param id the outbox row, in commit-ish order
 * @param eventType what happened, e.g. {@code OrderPlaced}
 * @param aggregateId what it happened to
 * @param payload the message body, JSON
 * @param createdAt when the event was stored
 */
public record OutboxEvent(long id, String eventType, UUID aggregateId, String payload, Instant createdAt) {
}
