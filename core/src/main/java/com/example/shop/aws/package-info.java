/**
 * How both tiers bound their AWS SDK calls, in one place so the web and worker tiers
 * cannot drift apart on it.
 */
@NullMarked
package com.example.shop.aws;

import org.jspecify.annotations.NullMarked;
