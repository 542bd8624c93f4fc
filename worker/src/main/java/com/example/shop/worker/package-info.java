/**
 * The worker tier: a deployable with no API of its own that takes orders off the SQS
 * queue and does the slow work for them, so the web tier can answer {@code 201} at once
 * and the backlog can grow and drain without a customer waiting. Its HTTP port serves
 * only health and metrics.
 */
@NullMarked
package com.example.shop.worker;

import org.jspecify.annotations.NullMarked;
