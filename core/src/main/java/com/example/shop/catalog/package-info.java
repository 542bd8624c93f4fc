/**
 * The product catalogue: the only source of prices. The web tier prices every order line
 * from here, so a client can never choose what it pays.
 */
@NullMarked
package com.example.shop.catalog;

import org.jspecify.annotations.NullMarked;
