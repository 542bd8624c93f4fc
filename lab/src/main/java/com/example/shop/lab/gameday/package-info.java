/**
 * Game days: each scenario a hypothesis, a fault and its expectations
 * ({@link com.example.shop.lab.gameday.Scenarios}), run under a steady load of orders
 * ({@link com.example.shop.lab.gameday.ScenarioRun}), then judged from what the clients
 * saw, what the system stored ({@link com.example.shop.lab.gameday.SystemAudit}) and what
 * it looked like meanwhile ({@link com.example.shop.lab.gameday.SystemWatch}). The
 * numbers, verdicts and reports are in {@code gameday.report}. A new scenario is an entry
 * in {@code Scenarios}, with its own checks in {@code Expectations} if it needs any.
 */
@NullMarked
package com.example.shop.lab.gameday;

import org.jspecify.annotations.NullMarked;
