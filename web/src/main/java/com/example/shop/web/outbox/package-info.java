/**
 * The outbox relay: sends the events that {@code POST /api/orders} stored to SQS. It runs
 * in every web instance; {@code FOR UPDATE SKIP LOCKED} lets the instances share the work
 * without waiting on each other. While SQS is down, orders are still accepted and events
 * wait here.
 */
@NullMarked
package com.example.shop.web.outbox;

import org.jspecify.annotations.NullMarked;
