package com.example.shop.web.orders;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One line of {@link PlaceOrderRequest}.
 *
 * @param sku a catalogue sku
 * @param quantity how many, 1 to {@value #MAX_QUANTITY}
 */
record OrderLineRequest(@NotNull @Pattern(regexp = "[A-Z0-9-]{1,32}", message = "must be a catalogue sku") String sku,
		@NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {

	static final int MAX_QUANTITY = 1000;

}
