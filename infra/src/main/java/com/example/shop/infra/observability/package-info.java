/**
 * What tells a human that customers are hurt, and what to look at while a failover runs:
 * CloudWatch alarms on the load balancer, the queues, the database and the outbox, all
 * sent to one encrypted topic, and one dashboard for the failover demo. The
 * customer-impact alarm is also what stops every fault experiment in
 * {@link com.example.shop.infra.faults}.
 */
@NullMarked
package com.example.shop.infra.observability;

import org.jspecify.annotations.NullMarked;
