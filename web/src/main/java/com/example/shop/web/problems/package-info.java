/**
 * How the API says no. Every refusal is an RFC 9457 problem detail
 * ({@code application/problem+json}) that names the field at fault and the reason, so a
 * client can fix its request without reading server logs; and no refusal is a
 * {@code 500}.
 */
@NullMarked
package com.example.shop.web.problems;

import org.jspecify.annotations.NullMarked;
