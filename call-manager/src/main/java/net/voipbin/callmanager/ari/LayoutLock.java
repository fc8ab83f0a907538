package net.voipbin.callmanager.ari;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import com.rabbitmq.client.Channel;

/**
 * A lock shared by every call-manager instance through the broker, so that instances starting together
 * lay the partitions out once: an exclusive queue, which the broker lets one connection hold at a time and
 * removes with that connection (a holder that dies frees it). Held on a connection of its own, which the
 * broker may close when it refuses the lock (Qpid does).
 */
final class LayoutLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LayoutLock.class);

    private final Connection connection;
    private final String queue;

    private LayoutLock(Connection connection, String queue) {
        this.connection = connection;
        this.queue = queue;
    }

    /** {@code connections} must give every caller a connection of its own (cache mode CONNECTION). */
    static LayoutLock acquire(ConnectionFactory connections, String queue, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 100;
        while (true) {
            Connection connection = connections.createConnection();
            try {
                try (Channel channel = connection.getDelegate().createChannel()) {
                    channel.queueDeclare(queue, false, true, true, null);
                }
                return new LayoutLock(connection, queue);
            } catch (IOException | TimeoutException e) {
                connection.close();
                if (!BrokerReplies.refusedWith(e, BrokerReplies.RESOURCE_LOCKED, BrokerReplies.NOT_ALLOWED)
                        || System.nanoTime() > deadline) {
                    throw new AmqpIOException("could not take the ARI layout lock " + queue, e);
                }
                log.debug("ARI layout lock {} held by another instance, waiting", queue);
                sleep(pause);
                pause = Math.min(pause * 2, 2_000);
            }
        }
    }

    /** The raw connection holding the lock; channels opened on it may be closed by refusals. */
    com.rabbitmq.client.Connection connection() {
        return connection.getDelegate();
    }

    /** Ends the connection for good (not back to the cache): the broker drops the exclusive queue with it. */
    @Override
    public void close() {
        connection.getDelegate().abort();
        connection.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ARI layout lock", e);
        }
    }
}
