/**
 * The live dashboard at {@code /}: a page that shows, once a second, what the load
 * balancer, the database, the queues and the workers are doing, and a form to place an
 * order. The numbers come from a monitor outside the web tier (in the lab,
 * {@code bin/lab}'s; on AWS it would be CloudWatch), never from this instance's own
 * database connection, so the page keeps working while the database fails. Off unless
 * {@code orders.dashboard.source} is set: it shows the system's insides.
 */
@NullMarked
package com.example.shop.web.dashboard;

import org.jspecify.annotations.NullMarked;
