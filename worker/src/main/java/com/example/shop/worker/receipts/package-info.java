/**
 * Receipts: the worker's one job. {@link OrderPlacedListener} takes an
 * {@code OrderPlaced} message off SQS, {@link ReceiptService} renders the order's PDF
 * receipt ({@link ReceiptRenderer}), stores it in S3 ({@link ReceiptStore}) and only then
 * marks the order {@code PROCESSED}. Delivery is at least once, so every step is safe to
 * repeat: the S3 key depends only on the order id and the status change is a conditional
 * update. A message is deleted only when processing succeeded; anything that throws
 * leaves it on the queue to be retried and, after too many receives, dead-lettered.
 */
@NullMarked
package com.example.shop.worker.receipts;

import org.jspecify.annotations.NullMarked;
