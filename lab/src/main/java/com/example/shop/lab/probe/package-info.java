/**
 * The only lab code that reads the running system's state:
 * {@link com.example.shop.lab.probe.SystemProbe} and the views it opens (the database
 * nodes and their roles, what the orders schema holds, the queues, the receipts bucket,
 * the load balancer's view of the instances), each read from the lab's own vantage point,
 * never through the fault proxy. The dashboard's
 * {@link com.example.shop.lab.probe.Monitor} serves what it reads once a second;
 * {@code bin/lab status}, the game day, the bench, the restore's validation and the
 * faults read through it too, so each question is asked one way, and the SQL against the
 * product's tables lives in {@link com.example.shop.lab.probe.OrdersProbe} alone.
 */
@NullMarked
package com.example.shop.lab.probe;

import org.jspecify.annotations.NullMarked;
