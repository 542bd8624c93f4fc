/**
 * The local lab: the whole system, several instances of each tier, on one machine, with
 * no AWS account and no Docker. Each AWS part has a real stand-in: HAProxy for the
 * Application Load Balancer, a PostgreSQL primary with a synchronous standby for RDS
 * Multi-AZ, ElasticMQ for SQS, Adobe S3Mock (a versioned bucket) for S3, and plain JVM
 * processes for EC2 instances. The same jars run here and on AWS; only configuration
 * differs. {@link com.example.shop.lab.Lab} is the command line.
 */
@NullMarked
package com.example.shop.lab;

import org.jspecify.annotations.NullMarked;

