package com.example.shop.web.orders;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/orders}. No prices: they come from the catalogue.
 *
 * @param customerEmail where the receipt is for
 * @param lines what to order, 1 to {@value #MAX_LINES} lines
 */
record PlaceOrderRequest(@NotBlank @Email @Size(max = 254) String customerEmail,
		@NotNull @Size(min = 1, max = MAX_LINES) List<@NotNull @Valid OrderLineRequest> lines) {

	static final int MAX_LINES = 50;

}
