/**
 * The lab's game-day faults as AWS FIS experiment templates, so that the same experiments
 * run against the real deployment: each one stops on the customer-impact alarm, logs to
 * CloudWatch Logs, and acts through a role that may touch only what that fault needs.
 * Faults without an AWS equivalent (a poison message, a traffic spike) stay with the load
 * generator; see {@code docs/gamedays.md}.
 */
@NullMarked
package com.example.shop.infra.faults;

import org.jspecify.annotations.NullMarked;
