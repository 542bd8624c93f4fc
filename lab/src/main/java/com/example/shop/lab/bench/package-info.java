/**
 * {@code bin/lab bench}: speeds and sizes of the running lab, each beside a baseline
 * measured in the same run on the same machine: order ingest against pgbench's ceiling
 * with the same transaction, the pipeline against the SQS server's own ceiling, start-up
 * plain against the AOT-tuned jar the images run, memory, and the CPU each part of the
 * lab spends per order.
 */
@NullMarked
package com.example.shop.lab.bench;

import org.jspecify.annotations.NullMarked;
