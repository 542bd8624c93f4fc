/**
 * The web tier: a stateless HTTP API behind a load balancer. Any instance can serve any
 * request, because everything an instance knows is in PostgreSQL, SQS or S3; that is what
 * lets the load balancer add, drain and replace instances freely.
 */
@NullMarked
package com.example.shop.web;

import org.jspecify.annotations.NullMarked;
