package net.voipbin.rpc.client;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Return;

import net.voipbin.rpc.error.ApiException;

/**
 * One channel that publishes requests and consumes their replies: RabbitMQ's direct reply-to
 * pseudo-queue, or, on brokers without it, an exclusive queue of its own. Replies and returned
 * (unroutable) requests complete the pending futures by correlation id. A channel that died with its
 * connection is replaced on the next publish; calls in flight on it end at their deadline.
 */
final class ReplyChannel {

    static final String DIRECT_REPLY_TO = "amq.rabbitmq.reply-to";

    private final ConnectionFactory connectionFactory;
    private final boolean directReplyTo;
    private final Map<String, CompletableFuture<byte[]>> pending;
    private Channel channel;
    private String replyAddress;

    ReplyChannel(ConnectionFactory connectionFactory, boolean directReplyTo,
            Map<String, CompletableFuture<byte[]>> pending) {
        this.connectionFactory = connectionFactory;
        this.directReplyTo = directReplyTo;
        this.pending = pending;
    }

    /** Publishes a request whose reply will complete {@code pending.get(correlationId)}. */
    synchronized void publish(String queue, AMQP.BasicProperties.Builder properties, byte[] body) throws IOException {
        Channel open = open();
        open.basicPublish("", queue, true, properties.replyTo(replyAddress).build(), body);
    }

    private Channel open() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        Channel fresh = connectionFactory.createConnection().createChannel(false);
        String address = directReplyTo ? DIRECT_REPLY_TO : fresh.queueDeclare().getQueue();
        fresh.addReturnListener(this::returned);
        fresh.basicConsume(address, true, new DefaultConsumer(fresh) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                CompletableFuture<byte[]> call = props.getCorrelationId() == null ? null
                        : pending.remove(props.getCorrelationId());
                if (call != null) {
                    call.complete(body);
                }
            }
        });
        channel = fresh;
        replyAddress = address;
        return fresh;
    }

    private void returned(Return returned) {
        CompletableFuture<byte[]> call = pending.remove(returned.getProperties().getCorrelationId());
        if (call != null) {
            call.completeExceptionally(ApiException.unavailable("no queue " + returned.getRoutingKey()
                    + " (" + returned.getReplyText() + ")"));
        }
    }

}
