package com.example.shop.worker.receipts;

import java.time.Duration;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Options of the SQS listener that have no property.
 * <p>
 * Each message is deleted as soon as it has been processed. Spring Cloud AWS batches
 * deletes by default (up to 10 messages or one second), which saves requests, but a
 * worker killed in that second leaves finished messages behind to be received and checked
 * again, and a message received twice before its batch is sent appears twice in that
 * batch, which SQS rejects whole. A receipt takes far longer to render than a delete
 * takes to send, so one delete per message costs nothing that matters.
 * <p>
 * On shutdown the listener stops receiving, then waits up to
 * {@code orders.receipts.shutdown-timeout} for the messages in progress (rule 3). A
 * message still unfinished then is not deleted: SQS delivers it again to another worker.
 */
@Component
class ListenerOptions implements BeanPostProcessor {

	private final Duration shutdownTimeout;

	ListenerOptions(ReceiptsProperties properties) {
		this.shutdownTimeout = properties.shutdownTimeout();
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SqsMessageListenerContainerFactory<?> factory) {
			factory.configure((options) -> options.acknowledgementInterval(Duration.ZERO)
				.acknowledgementThreshold(0)
				.listenerShutdownTimeout(this.shutdownTimeout));
		}
		return bean;
	}

}
