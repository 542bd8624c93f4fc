/**
 * Blue/green deployment of the web tier as one piece of logic. Two groups of instances,
 * blue and green, sit behind one load balancer; a deployment starts the idle colour on
 * the new version, waits until all of its targets are healthy, shifts traffic to it in
 * steps while watching health signals, rolls back by itself on a breach and retires the
 * old colour after a final bake. {@link com.example.shop.deploy.BlueGreenDeployment} is
 * that logic; the load balancer ({@link com.example.shop.deploy.TrafficRouter}), the
 * instances ({@link com.example.shop.deploy.Fleet}) and the signals
 * ({@link com.example.shop.deploy.HealthSignals}) are interfaces with one implementation
 * on AWS (package {@code aws}) and one in the lab, so the same deployment is shown and
 * tested on a laptop.
 */
@NullMarked
package com.example.shop.deploy;

import org.jspecify.annotations.NullMarked;
