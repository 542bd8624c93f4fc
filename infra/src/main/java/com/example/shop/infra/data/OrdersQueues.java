package com.example.shop.infra.data;

import java.util.List;

import com.example.shop.infra.InfraSettings;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.RedriveAllowPolicy;
import software.amazon.awscdk.services.sqs.RedrivePermission;
import software.constructs.Construct;

/**
 * The queue of placed orders and its dead-letter queue. A message that fails five times
 * is parked in the dead-letter queue (kept 14 days, long enough to notice, fix and
 * redrive it) instead of blocking or being lost. The dead-letter queue admits only the
 * orders queue as a source, which needs the orders queue's name before it exists: both
 * queues are named after the deployment's prefix.
 */
final class OrdersQueues extends Construct {

	/** Redelivery after a minute: a receipt takes well under a second to render. */
	private static final Duration VISIBILITY_TIMEOUT = Duration.seconds(60);

	/** The longest long poll: fewer empty receives, lower cost, no added latency. */
	private static final Duration LONG_POLL = Duration.seconds(20);

	/** After five failures a message is poison, not unlucky. */
	private static final int MAX_RECEIVE_COUNT = 5;

	private final Queue orders;

	private final Queue deadLetters;

	OrdersQueues(Construct scope, String id, InfraSettings settings) {
		super(scope, id);
		String ordersName = settings.prefix() + "-orders";
		this.deadLetters = Queue.Builder.create(this, "OrdersDlq")
			.queueName(ordersName + "-dlq")
			.encryption(QueueEncryption.SQS_MANAGED)
			.enforceSsl(true)
			.retentionPeriod(Duration.days(14))
			.redriveAllowPolicy(RedriveAllowPolicy.builder()
				.redrivePermission(RedrivePermission.BY_QUEUE)
				.sourceQueues(List.of(Queue.fromQueueArn(this, "OrdersByArn", arnOf(ordersName))))
				.build())
			.build();
		this.orders = Queue.Builder.create(this, "Orders")
			.queueName(ordersName)
			.encryption(QueueEncryption.SQS_MANAGED)
			.enforceSsl(true)
			.receiveMessageWaitTime(LONG_POLL)
			.visibilityTimeout(VISIBILITY_TIMEOUT)
			.retentionPeriod(Duration.days(4))
			.deadLetterQueue(
					DeadLetterQueue.builder().queue(this.deadLetters).maxReceiveCount(MAX_RECEIVE_COUNT).build())
			.build();
	}

	/** The queue's ARN from its name: referring to the queue itself would be a cycle. */
	private String arnOf(String queueName) {
		return Stack.of(this).formatArn(ArnComponents.builder().service("sqs").resource(queueName).build());
	}

	Queue orders() {
		return this.orders;
	}

	Queue deadLetters() {
		return this.deadLetters;
	}

}
