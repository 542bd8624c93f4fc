/**
 * The machine the lab runs on and the lab's record of itself: where its files are
 * ({@link com.example.shop.lab.host.LabPaths}), its fixed ports and zones, the database
 * nodes' names, the programs it needs (PostgreSQL, HAProxy) and the passwords it made up,
 * what it started ({@link com.example.shop.lab.host.LabState}, shared by every
 * {@code bin/lab} process under a file lock) and the fault being injected. Everything
 * else in the lab builds on this package; it depends on nothing of the lab's.
 */
@NullMarked
package com.example.shop.lab.host;

import org.jspecify.annotations.NullMarked;
