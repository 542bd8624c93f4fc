/**
 * The worker tier on AWS: one Auto Scaling group of instances started from the baked
 * worker AMI, scaled on the queue's backlog per instance (the work waiting, not the CPU
 * it happens to use), and given time to finish a message when scaled in.
 */
@NullMarked
package com.example.shop.infra.worker;

import org.jspecify.annotations.NullMarked;
