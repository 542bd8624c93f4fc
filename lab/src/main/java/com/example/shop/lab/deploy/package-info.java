/**
 * The lab's side of a blue/green deployment: the same state machine that deploys on AWS
 * ({@code com.example.shop.deploy}), with the lab's adapters behind its ports: HAProxy's
 * weights as the traffic router, the lab's web instances as the fleet, the load
 * balancer's access log as the alarms. {@code bin/lab deploy} is its command.
 */
@NullMarked
package com.example.shop.lab.deploy;

import org.jspecify.annotations.NullMarked;
