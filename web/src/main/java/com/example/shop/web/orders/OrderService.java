package com.example.shop.web.orders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.shop.catalog.Product;
import com.example.shop.catalog.ProductRepository;
import com.example.shop.orders.Order;
import com.example.shop.orders.OrderLine;
import com.example.shop.orders.OrderPlaced;
import com.example.shop.orders.OrderRepository;
import com.example.shop.orders.OrderRepository.IdempotentRequest;
import com.example.shop.observability.Correlation;
import com.example.shop.orders.OrderStatus;
import com.example.shop.outbox.OutboxRepository;
import com.example.shop.web.problems.InvalidField;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places and reads orders. {@link #placeOrder} is the heart of the web tier: in one
 * transaction it stores the order and the {@link OrderPlaced} event that the outbox relay
 * will send to SQS, so the two can never disagree.
 */
@Service
public class OrderService {

	/** As the database breaker's slow-call threshold: slower than this is failing. */
	static final int WRITE_TIMEOUT_SECONDS = 2;

	private final OrderRepository orders;

	private final ProductRepository products;

	private final OutboxRepository outbox;

	private final JsonMapper json;

	private final Clock clock;

	OrderService(OrderRepository orders, ProductRepository products, OutboxRepository outbox, JsonMapper json,
			Clock clock) {
		this.orders = orders;
		this.products = products;
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Places an order once per idempotency key. A replay of the same request returns the
	 * order the key created; the same key with a different request is refused. Two
	 * requests racing with one key are serialised by the database's unique index on the
	 * key. The transaction gets {@value #WRITE_TIMEOUT_SECONDS} s: an order commits in
	 * milliseconds, and one that cannot commit in time against a slow database is better
	 * refused ({@code 503}) than answered after the customer gave up.
	 * @param idempotencyKey the client's key
	 * @param request what to order
	 * @return the order, and whether this call created it
	 */
	@Retry(name = "placeOrder")
	@CircuitBreaker(name = "database")
	@Transactional(timeout = WRITE_TIMEOUT_SECONDS)
	PlacedOrder placeOrder(String idempotencyKey, PlaceOrderRequest request) {
		String fingerprint = RequestFingerprint.of(request);
		var existing = this.orders.findByIdempotencyKey(idempotencyKey);
		if (existing.isPresent()) {
			return replay(existing.get(), fingerprint);
		}
		Order order = Order.accept(UUID.randomUUID(), request.customerEmail(), price(request.lines()),
				this.clock.instant());
		if (!this.orders.insertIfAbsent(order, idempotencyKey, fingerprint)) {
			return replay(this.orders.findByIdempotencyKey(idempotencyKey).orElseThrow(), fingerprint);
		}
		this.outbox.append(OrderPlaced.TYPE, order.id(), this.json.writeValueAsString(OrderPlaced.of(order)),
				Correlation.current());
		return new PlacedOrder(order, true);
	}

	private PlacedOrder replay(IdempotentRequest existing, String fingerprint) {
		if (!existing.fingerprint().equals(fingerprint)) {
			throw new IdempotencyKeyReusedException(existing.orderId());
		}
		return new PlacedOrder(findOrder(existing.orderId()), false);
	}

	private List<OrderLine> price(List<OrderLineRequest> requested) {
		Map<String, Product> catalogue = this.products
			.findBySkus(requested.stream().map(OrderLineRequest::sku).distinct().toList());
		List<OrderLine> lines = new ArrayList<>();
		List<InvalidField> unknown = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			OrderLineRequest line = requested.get(i);
			Product product = catalogue.get(line.sku());
			if (product == null) {
				unknown.add(new InvalidField("lines[" + i + "].sku", "is not in the catalogue"));
				continue;
			}
			lines.add(new OrderLine(product.sku(), product.name(), product.priceCents(), line.quantity()));
		}
		if (!unknown.isEmpty()) {
			throw new UnknownProductException(unknown);
		}
		return lines;
	}

	/**
	 * One order.
	 * @param id the order's id
	 * @return the order
	 * @throws OrderNotFoundException if there is none
	 */
	@CircuitBreaker(name = "database")
	@Transactional(readOnly = true)
	Order findOrder(UUID id) {
		return this.orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
	}

	/**
	 * A page of orders, newest first.
	 * @param status only this status, or all
	 * @param after the last order of the previous page, or {@code null}
	 * @param limit the page size
	 * @return the page, with the cursor for the next one
	 */
	@CircuitBreaker(name = "database")
	@Transactional(readOnly = true)
	OrderPage listOrders(@Nullable OrderStatus status, @Nullable UUID after, int limit) {
		if (after != null && this.orders.findById(after).isEmpty()) {
			throw new OrderNotFoundException(after);
		}
		List<OrderResponse> page = this.orders.findNewestFirst(status, after, limit)
			.stream()
			.map(OrderResponse::of)
			.toList();
		UUID next = (page.size() == limit) ? page.getLast().id() : null;
		return new OrderPage(page, next);
	}

}
