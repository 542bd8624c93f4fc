/**
 * The measuring and reporting half of a game day: while a fault acts on the running lab,
 * a load generator places orders at a fixed rate and records every request; this package
 * turns those client-side records into a per-second {@link Timeline}, numbers such as the
 * error window and the time to recover, a console verdict per scenario, and a JSON and an
 * HTML report. The client records are the ground truth of what customers saw, so every
 * number about errors and latency comes from them and not from server logs; the verdicts
 * ({@link ScenarioResult}) combine them with what the system stored (acknowledged orders
 * that were lost, duplicated or never processed). Once a second the runner also looks
 * inside ({@link SystemSample}: instances in service, outbox, queue), which the report
 * charts under the timeline to show why customers saw what they saw. The charts are
 * hand-written SVG because the report is a static file a presenter opens offline: no
 * charting library fits without JavaScript or a CDN, and a few hundred lines of SVG are
 * less to read and maintain than a dependency.
 */
@NullMarked
package com.example.shop.lab.gameday.report;

import org.jspecify.annotations.NullMarked;
