/**
 * The AWS CDK app that deploys the orders system with the same shape as the lab: a VPC
 * over three Availability Zones, RDS PostgreSQL Multi-AZ, an SQS queue with its
 * dead-letter queue, a private receipts bucket, an Application Load Balancer in front of
 * two Auto Scaling groups (blue and green) of web instances from a baked AMI, an Auto
 * Scaling group of workers scaled on the queue's backlog, alarms and a dashboard, and AWS
 * FIS experiment templates for the faults the lab injects. Stacks are split by lifecycle;
 * {@link com.example.shop.infra.OrdersInfraApp} assembles them.
 */
@NullMarked
package com.example.shop.infra;

import org.jspecify.annotations.NullMarked;
