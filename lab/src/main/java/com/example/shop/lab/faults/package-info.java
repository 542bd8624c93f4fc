/**
 * The faults the lab injects into itself, for real: each one a
 * {@link com.example.shop.lab.faults.Fault} (inject, hold, heal) that uses the mechanisms
 * a real failure would (signals, PostgreSQL's own tools, HAProxy's runtime API, the fault
 * proxy), run start to end by {@link com.example.shop.lab.faults.FaultRun}, which heals
 * whatever happens. {@code bin/lab fault NAME} and the game days run them the same way. A
 * new fault is a class here and a sub-command of
 * {@link com.example.shop.lab.faults.FaultCommand}.
 */
@NullMarked
package com.example.shop.lab.faults;

import org.jspecify.annotations.NullMarked;
