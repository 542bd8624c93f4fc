/**
 * What the lab's commands share on the command line: how durations are written
 * ({@code 500ms}, {@code 30s}, {@code 2m}).
 */
@NullMarked
package com.example.shop.lab.cli;

import org.jspecify.annotations.NullMarked;
