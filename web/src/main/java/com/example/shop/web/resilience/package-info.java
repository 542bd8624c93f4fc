/**
 * How the web tier behaves when a dependency fails or too much arrives at once: a circuit
 * breaker that answers {@code 503} at once while the database is down instead of letting
 * requests pile up on a dead pool (rule 6), a bounded retry of the one idempotent write
 * with full-jitter backoff (rules 5 and 11), and load shedding beyond a fixed number of
 * concurrent requests (rule 7).
 */
@NullMarked
package com.example.shop.web.resilience;

import org.jspecify.annotations.NullMarked;
