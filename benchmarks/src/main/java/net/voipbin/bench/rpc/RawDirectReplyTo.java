package net.voipbin.bench.rpc;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

/**
 * The baseline: the RabbitMQ Java client alone, a server echoing the bytes it receives and callers
 * using direct reply-to, no JSON, no framework.
 */
final class RawDirectReplyTo implements AutoCloseable {

    private static final String REPLY_TO = "amq.rabbitmq.reply-to";

    private final Connection serverConnection;
    private final Connection clientConnection;
    private final String queue;

    RawDirectReplyTo(ConnectionFactory factory, String queue) throws Exception {
        this.queue = queue;
        this.serverConnection = factory.newConnection("bench-raw-server");
        this.clientConnection = factory.newConnection("bench-raw-client");
        Channel server = serverConnection.createChannel();
        server.queueDeclare(queue, false, false, true, null);
        server.basicQos(16);
        server.basicConsume(queue, true, new DefaultConsumer(server) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                AMQP.BasicProperties reply = new AMQP.BasicProperties.Builder()
                        .correlationId(properties.getCorrelationId()).contentType("application/json").build();
                getChannel().basicPublish("", properties.getReplyTo(), reply, body);
            }
        });
    }

    /** One caller: its own channel, consuming direct reply-to, one request in flight. */
    Caller caller() throws IOException {
        return new Caller(clientConnection.createChannel());
    }

    final class Caller {
        private final Channel channel;
        private final BlockingQueue<byte[]> replies = new ArrayBlockingQueue<>(1);

        Caller(Channel channel) throws IOException {
            this.channel = channel;
            channel.basicConsume(REPLY_TO, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    replies.offer(body);
                }
            });
        }

        byte[] call(byte[] payload) throws Exception {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .replyTo(REPLY_TO).correlationId(UUID.randomUUID().toString())
                    .contentType("application/json").deliveryMode(1).build();
            channel.basicPublish("", queue, properties, payload);
            byte[] reply = replies.poll(3, TimeUnit.SECONDS);
            if (reply == null) {
                throw new IllegalStateException("raw call timed out");
            }
            return reply;
        }
    }

    @Override
    public void close() throws IOException {
        clientConnection.close();
        serverConnection.close();
    }
}
