package com.example.shop.lab.faults;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.standins.AwsClients;
import com.example.shop.lab.standins.AwsStandIns;

/**
 * Messages no worker can process, put on the orders queue with the SDK as a buggy or
 * hostile producer would: a body that is not JSON, an {@code OrderPlaced} whose order id
 * is not a UUID, and one for an order that does not exist. Each is received, fails, comes
 * back, and after the fifth receive SQS moves it to the dead-letter queue, where it waits
 * for a human instead of blocking the queue or being retried forever.
 */
public final class PoisonFault implements Fault {

	private static final List<Poison> KINDS = List.of(new Poison("a body that is not JSON", () -> "{\"orderId\": "),
			new Poison("an order id that is not a UUID", () -> orderPlaced("not-a-uuid")),
			new Poison("an order that does not exist", () -> orderPlaced(UUID.randomUUID().toString())));

	private final int count;

	private final LabPaths paths;

	private final List<String> sent = new CopyOnWriteArrayList<>();

	public PoisonFault(int count, LabPaths paths) {
		this.count = count;
		this.paths = paths;
	}

	@Override
	public String name() {
		return "poison";
	}

	@Override
	public Duration duration() {
		return Duration.ZERO;
	}

	@Override
	public void inject(PrintWriter out) {
		AwsStandIns queues = new AwsStandIns(this.paths);
		for (int i = 0; i < this.count; i++) {
			Poison poison = KINDS.get(i % KINDS.size());
			String body = poison.body().get();
			String id = queues.send(AwsClients.QUEUE, body);
			this.sent.add(body);
			out.printf("poison: sent message %s with %s%n", id, poison.kind());
		}
		out.printf(
				"poison: each message is received %d times, then SQS moves it to '%s' (about a minute, as the "
						+ "workers back off between receives); bin/lab status shows the DLQ's depth%n",
				AwsStandIns.MAX_RECEIVES, AwsClients.DLQ);
	}

	/**
	 * The bodies of the messages sent, so that a game day can check that the dead-letter
	 * queue holds exactly these.
	 * @return one body per message
	 */
	@Override
	public List<String> deadLetters() {
		return List.copyOf(this.sent);
	}

	/** Nothing to undo: the messages end in the dead-letter queue on their own. */
	@Override
	public void heal(PrintWriter out) {
	}

	private static String orderPlaced(String orderId) {
		return """
				{"orderId":"%s","customerEmail":"poison@example.com","totalCents":100,"placedAt":"%s"}"""
			.formatted(orderId, Instant.now());
	}

	/**
	 * One kind of poison message.
	 *
	 * @param kind what is wrong with it
	 * @param body makes its body
	 */
	private record Poison(String kind, Supplier<String> body) {
	}

}
