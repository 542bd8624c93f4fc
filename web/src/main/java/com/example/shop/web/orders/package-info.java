/**
 * Orders over HTTP: place one (idempotently), read one, list them, download a receipt. A
 * request goes controller (HTTP only) to {@link com.example.shop.web.orders.OrderService}
 * (one transaction) to core's repositories; follow {@code placeOrder} to see an order and
 * its outbox event written together.
 */
@NullMarked
package com.example.shop.web.orders;

import org.jspecify.annotations.NullMarked;
