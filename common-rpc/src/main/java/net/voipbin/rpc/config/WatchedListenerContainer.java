package net.voipbin.rpc.config;

import java.util.List;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

/**
 * A listener container that tells how many of its consumers are consuming, for
 * {@link ConsumersHealthIndicator}. Spring AMQP's direct container keeps that to itself, and a container
 * whose consumers keep failing (a connection closed under them, a queue gone) is still "running".
 */
public class WatchedListenerContainer extends DirectMessageListenerContainer {

    private volatile int consumersPerQueue = 1;
    private volatile boolean standbyAllowed;

    public WatchedListenerContainer(ConnectionFactory connectionFactory) {
        super(connectionFactory);
    }

    @Override
    public void setConsumersPerQueue(int count) {
        super.setConsumersPerQueue(count);
        this.consumersPerQueue = count;
    }

    /** Consumers on an open channel right now; one whose channel closed counts no more, even before its restart. */
    public int activeConsumers() {
        consumersLock.lock();
        try {
            return (int) List.copyOf(consumers).stream()
                    .filter(consumer -> consumer.getChannel() != null && consumer.getChannel().isOpen())
                    .count();
        } finally {
            consumersLock.unlock();
        }
    }

    /**
     * No consumer is normal for this container: its consumers are exclusive and another instance may hold
     * them (call-manager's ARI partitions). Its count is reported, never judged.
     */
    public void setStandbyAllowed(boolean standbyAllowed) {
        this.standbyAllowed = standbyAllowed;
    }

    public boolean isStandbyAllowed() {
        return standbyAllowed;
    }

    public int expectedConsumers() {
        return getQueueNames().length * consumersPerQueue;
    }
}
