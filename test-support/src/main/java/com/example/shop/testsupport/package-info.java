/**
 * Real servers for the tests, one per concern, each started once per test JVM and shared
 * by every test that imports its configuration: {@link TestDatabaseConfiguration}
 * (PostgreSQL), {@link TestQueueConfiguration} (ElasticMQ, the SQS API) and
 * {@link TestBucketConfiguration} (S3Proxy, the S3 API). Nothing here is a mock: the
 * application's own AWS clients and JDBC driver talk to these servers over the network,
 * as they would to RDS, SQS and S3.
 */
@NullMarked
package com.example.shop.testsupport;

import org.jspecify.annotations.NullMarked;
