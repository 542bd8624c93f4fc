/**
 * The one way the lab starts, detaches, stops, kills and reaps processes:
 * {@link com.example.shop.lab.process.Launch} builds every process (a server that
 * outlives the command, a child the command owns, a command run to completion),
 * {@link com.example.shop.lab.process.Processes} stops and kills servers by their pid,
 * {@link com.example.shop.lab.process.ChildProcess} owns a child and kills it if the
 * command is interrupted. Waiting and "is it listening yet" live here too, since every
 * start ends in one.
 */
@NullMarked
package com.example.shop.lab.process;

import org.jspecify.annotations.NullMarked;
