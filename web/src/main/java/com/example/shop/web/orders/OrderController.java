package com.example.shop.web.orders;

import java.net.URI;
import java.util.UUID;

import com.example.shop.orders.Order;
import com.example.shop.orders.OrderStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders API. HTTP only: validation, status codes and headers; the work is in the
 * service.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final OrderService orders;

	private final ReceiptStore receipts;

	OrderController(OrderService orders, ReceiptStore receipts) {
		this.orders = orders;
		this.receipts = receipts;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<OrderResponse> placeOrder(
			@RequestHeader(IDEMPOTENCY_KEY) @Pattern(regexp = "[\\x21-\\x7E]{1,128}",
					message = "must be 1 to 128 visible ASCII characters, e.g. a UUID") String idempotencyKey,
			@Valid @RequestBody PlaceOrderRequest request) {
		PlacedOrder placed = this.orders.placeOrder(idempotencyKey, request);
		Order order = placed.order();
		return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/orders/" + order.id()))
			.body(OrderResponse.of(order));
	}

	@GetMapping("/{id}")
	OrderResponse findOrder(@PathVariable UUID id) {
		return OrderResponse.of(this.orders.findOrder(id));
	}

	@GetMapping
	OrderPage listOrders(@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable UUID after,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return this.orders.listOrders(status, after, limit);
	}

	@GetMapping("/{id}/receipt")
	ResponseEntity<byte[]> downloadReceipt(@PathVariable UUID id) {
		Order order = this.orders.findOrder(id);
		if (order.receiptKey() == null) {
			throw new ReceiptNotReadyException(id);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"receipt-" + id + ".pdf\"")
			.body(this.receipts.read(order.receiptKey()));
	}

}
