/**
 * Backups and restores: base backups of the primary, the archive of its write-ahead log,
 * point-in-time restores into a separate cluster ({@code db-restore}, never one of the
 * pair), and the validation of what was restored against the live primary and the
 * receipts bucket. {@code bin/lab backup} and {@code bin/lab restore} are its commands;
 * the game day's restore drill times it.
 */
@NullMarked
package com.example.shop.lab.backup;

import org.jspecify.annotations.NullMarked;
