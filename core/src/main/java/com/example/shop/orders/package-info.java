/**
 * The order: its lines, its status rules and its storage, shared by the web tier (which
 * places orders) and the worker tier (which processes them), plus {@link OrderPlaced},
 * the message that hands an order from one tier to the other through SQS.
 */
@NullMarked
package com.example.shop.orders;

import org.jspecify.annotations.NullMarked;
