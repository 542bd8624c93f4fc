/**
 * The AWS stand-ins and how to run them: the PostgreSQL nodes' data folders and servers
 * (one step at a time; which node gets which step is decided in {@code fleet}), their WAL
 * archive settings and the bench's scratch databases, ElasticMQ and S3Mock, HAProxy as
 * the load balancer, the fault proxy in the network path, and the SDK clients the lab
 * uses on SQS and S3. Acting on a stand-in (sending a message, deleting a receipt's
 * version, purging the dead-letter queue) happens here; looking at one happens in
 * {@code probe}.
 */
@NullMarked
package com.example.shop.lab.standins;

import org.jspecify.annotations.NullMarked;
