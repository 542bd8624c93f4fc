package com.example.shop.web.orders;

import com.example.shop.orders.Order;

/**
 * What placing an order did.
 *
 * @param order the order the idempotency key stands for
 * @param created {@code true} if this request created it, {@code false} for a replay
 */
record PlacedOrder(Order order, boolean created) {
}
