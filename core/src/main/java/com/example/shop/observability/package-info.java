/**
 * What lets one order be followed through the logs of both tiers: a correlation id that
 * starts at the HTTP request, travels through the outbox with the order's event and
 * arrives with the SQS message at the worker.
 */
@NullMarked
package com.example.shop.observability;

import org.jspecify.annotations.NullMarked;
