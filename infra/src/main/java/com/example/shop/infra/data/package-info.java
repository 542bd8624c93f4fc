/**
 * Where the orders system keeps its state: RDS PostgreSQL Multi-AZ for orders and the
 * outbox, the SQS queue (and its dead-letter queue) between the web and the workers, and
 * the S3 bucket of receipt PDFs. This stack outlives the tiers, so it protects its data
 * from being deleted with it: snapshots for the database, retention for the buckets, and
 * an AWS Backup plan whose vault, like the buckets, outlives the stack.
 */
@NullMarked
package com.example.shop.infra.data;

import org.jspecify.annotations.NullMarked;
