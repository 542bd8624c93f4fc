/**
 * The lab as a whole: {@code bin/lab up} and {@code down}
 * ({@link com.example.shop.lab.fleet.Topology},
 * {@link com.example.shop.lab.fleet.Teardown}), the web and worker instances (started
 * from the same jars as the AMIs, in their slots and zones, replaced when they die as an
 * Auto Scaling group would), the web tier's colours, the database pair's failovers and
 * rebuilds ({@link com.example.shop.lab.fleet.DatabasePair}), whether the lab is whole,
 * and the commands that show and change it: {@code up}, {@code down}, {@code status},
 * {@code scale}, {@code logs}, {@code replace}.
 */
@NullMarked
package com.example.shop.lab.fleet;

import org.jspecify.annotations.NullMarked;
