package com.example.shop.web.orders;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A page of orders, newest first.
 *
 * @param orders the orders on this page
 * @param next the {@code after} value for the next page, or {@code null} on the last page
 */
record OrderPage(List<OrderResponse> orders, @Nullable UUID next) {
}
