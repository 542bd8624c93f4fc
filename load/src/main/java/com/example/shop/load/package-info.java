/**
 * A load generator for the orders API: it places orders at a fixed arrival rate (an open
 * workload, so a slow server cannot slow the sender down and hide its own latency),
 * prints one line per second, and can record every answer so that a game day can check
 * afterwards that each order acknowledged with 201 really exists. Start at
 * {@link com.example.shop.load.LoadGenerator}.
 */
@NullMarked
package com.example.shop.load;

import org.jspecify.annotations.NullMarked;
