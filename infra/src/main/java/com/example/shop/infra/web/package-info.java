/**
 * The web tier on AWS: an Application Load Balancer whose listener splits traffic by
 * weight between two target groups, blue and green, each fed by its own Auto Scaling
 * group of instances started from the baked web AMI. Two colours exist so that a deploy
 * starts the idle one on a new AMI, waits for its targets to be healthy and shifts the
 * weight in steps, with the old colour still running for a rollback.
 */
@NullMarked
package com.example.shop.infra.web;

import org.jspecify.annotations.NullMarked;
