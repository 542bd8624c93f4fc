/**
 * What the load balancer asks an instance, and how the instance answers honestly.
 * Liveness and readiness report only this instance's own state, never a dependency's: a
 * database outage must not take every instance out of the load balancer, which would turn
 * a partial outage into a total one (rule 1). Readiness is down until the instance is
 * warmed up and goes down the moment shutdown begins, and the instance keeps serving
 * while the load balancer notices (rules 2 and 3).
 */
@NullMarked
package com.example.shop.web.health;

import org.jspecify.annotations.NullMarked;
