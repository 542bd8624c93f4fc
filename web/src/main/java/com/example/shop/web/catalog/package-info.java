/**
 * The catalogue over HTTP: what can be ordered, at what price. Read-only; prices are
 * never taken from a client.
 */
@NullMarked
package com.example.shop.web.catalog;

import org.jspecify.annotations.NullMarked;
