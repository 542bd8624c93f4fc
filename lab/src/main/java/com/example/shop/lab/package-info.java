/**
 * The local lab: the whole system, several instances of each tier, on one machine, with
 * no AWS account and no Docker. Each AWS part has a real stand-in: HAProxy for the
 * Application Load Balancer, a PostgreSQL primary with a synchronous standby for RDS
 * Multi-AZ, ElasticMQ for SQS, Adobe S3Mock (a versioned bucket) for S3, and plain JVM
 * processes for EC2 instances. The same jars run here and on AWS; only configuration
 * differs. {@link com.example.shop.lab.Lab} is the command line; each feature lives in a
 * package of its own, from the bottom up: {@code host} (paths, ports, zones, state),
 * {@code process} (starting and stopping processes), {@code standins} (the AWS
 * stand-ins), {@code probe} (reading the running system), {@code fleet} (up, down,
 * instances, status), then {@code faults}, {@code backup}, {@code load}, {@code deploy},
 * {@code bench} and {@code gameday}. docs/architecture.md draws the map, and
 * {@code ArchitectureTests} keeps it true.
 */
@NullMarked
package com.example.shop.lab;

import org.jspecify.annotations.NullMarked;
