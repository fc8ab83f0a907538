package net.voipbin.rpc.event;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes a message and waits for the broker's publisher confirm: when {@link #send} returns, the
 * broker has taken responsibility for the message. A nack or no confirm in time is an exception.
 */
public final class ConfirmedSender {

    private final RabbitTemplate template;
    private final Duration confirmTimeout;

    public ConfirmedSender(RabbitTemplate template, Duration confirmTimeout) {
        this.template = template;
        this.confirmTimeout = confirmTimeout;
    }

    public void send(String exchange, String routingKey, Message message) {
        CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
        template.send(exchange, routingKey, message, correlation);
        awaitAck(correlation, confirmTimeout, exchange + "/" + routingKey);
    }

    /** Waits for one publisher confirm; no ack within {@code timeout} (a nack, or none) is an exception. */
    private static void awaitAck(CorrelationData correlation, Duration timeout, String what) {
        CorrelationData.Confirm confirm;
        try {
            confirm = correlation.getFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpException("interrupted while waiting for the publisher confirm", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AmqpException("no publisher confirm for " + what + " within " + timeout.toMillis() + " ms", e);
        }
        if (!confirm.ack()) {
            throw new AmqpException("broker refused " + what + ": " + confirm.reason());
        }
    }
}
