/**
 * Orders placed from outside, as customers place them: the project's load generator
 * (Gatling, in a JVM of its own) at a fixed arrival rate, every request recorded
 * ({@link com.example.shop.lab.load.ClientRecord}), and one order followed through the
 * system ({@code bin/lab order}). Game days, the bench and faults that need load start it
 * from here.
 */
@NullMarked
package com.example.shop.lab.load;

import org.jspecify.annotations.NullMarked;
