/**
 * The transactional outbox. An event is stored in the same database transaction as the
 * change it announces, then relayed to SQS; so an event is never sent for a change that
 * was rolled back, and never lost for one that was committed.
 */
@NullMarked
package com.example.shop.outbox;

import org.jspecify.annotations.NullMarked;
