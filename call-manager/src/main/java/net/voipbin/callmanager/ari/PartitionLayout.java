package net.voipbin.callmanager.ari;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.MissingQueueEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;

import net.voipbin.rpc.topology.AriPartitions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the broker's ARI inbox match this instance's partition count before the partitions are consumed.
 * The count in force is recorded as the one message of {@code asterisk.all.event.layout}; when it matches,
 * the exchange is direct and every partition queue is there, nothing is touched (the usual start). Otherwise
 * (first start, the fanout exchange of before partitions, another count, a broker that lost its definitions:
 * a consumer then reports its queue missing) the inbox is laid out again, once for all instances
 * starting together ({@link LayoutLock}): the exchange is deleted, taking every stale binding with it
 * (meanwhile publishes fail, and asterisk-proxy sends them again); the partition queues are declared; a
 * queue outside the new layout is drained into it ({@link QueueDrain}); the exchange comes back with every
 * bucket bound; the count is recorded last, so an interrupted layout is done again at the next start.
 */
final class PartitionLayout implements SmartLifecycle, ApplicationListener<MissingQueueEvent> {

    private static final Logger log = LoggerFactory.getLogger(PartitionLayout.class);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    private enum ExchangeState { ABSENT, DIRECT, OTHER }

    private final ConnectionFactory connections;
    private final AriPartitions partitions;
    private final QueueDrain drain;
    private final AtomicBoolean relayoutPending = new AtomicBoolean();
    private volatile boolean running;

    /** {@code connections} must give every caller a connection of its own (cache mode CONNECTION). */
    PartitionLayout(ConnectionFactory connections, AriPartitions partitions, JsonMapper json) {
        this.connections = connections;
        this.partitions = partitions;
        this.drain = new QueueDrain(partitions, json);
    }

    synchronized void ensure() throws IOException, TimeoutException {
        try (LayoutLock lock = LayoutLock.acquire(connections, partitions.exchange() + ".lock", LOCK_WAIT)) {
            Connection connection = lock.connection();
            ExchangeState exchange = exchangeState(connection);
            int recorded = recordedCount(connection);
            if (exchange == ExchangeState.DIRECT && recorded == partitions.count() && queuesExist(connection)) {
                log.debug("ARI inbox already laid out in {} partitions", recorded);
                return;
            }
            layOut(connection, exchange, recorded);
        }
    }

    /**
     * A partition consumer found its queue gone (a broker that lost its definitions): lay out again, off
     * the consumer's thread, once for the several queues that report it together.
     */
    @Override
    public void onApplicationEvent(MissingQueueEvent event) {
        if (partitions.queues().contains(event.getQueue()) && relayoutPending.compareAndSet(false, true)) {
            Thread.ofVirtual().name("ari-layout").start(() -> {
                relayoutPending.set(false);
                ensureOrLog();
            });
        }
    }

    private void ensureOrLog() {
        try {
            ensure();
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.error("could not lay out the ARI partitions ({}); intake waits for its queues: {}", partitions.count(),
                    e.getMessage());
        }
    }

    private void layOut(Connection connection, ExchangeState exchange, int recorded) throws IOException, TimeoutException {
        if (exchange == ExchangeState.OTHER) {
            log.warn("{} is not a direct exchange (the fanout of a call-manager from before partitions?): replacing it",
                    partitions.exchange());
        }
        log.info("laying out the ARI inbox in {} partition(s), was {}", partitions.count(),
                recorded == 0 ? "not recorded" : recorded);
        try (Channel channel = connection.createChannel()) {
            if (exchange != ExchangeState.ABSENT) {
                channel.exchangeDelete(partitions.exchange());
            }
            for (String queue : partitions.queues()) {
                channel.queueDeclare(queue, true, false, false, null);
            }
        }
        for (String queue : obsoleteQueues(connection)) {
            drain.intoPartitions(connection, queue);
        }
        try (Channel channel = connection.createChannel()) {
            partitions.declare(channel);
            channel.queuePurge(recordQueue(partitions));
            channel.basicPublish("", recordQueue(partitions), MessageProperties.PERSISTENT_TEXT_PLAIN,
                    Integer.toString(partitions.count()).getBytes(StandardCharsets.UTF_8));
        }
        log.info("ARI inbox laid out: {} partition queue(s), {} buckets bound", partitions.count(), AriPartitions.BUCKETS);
    }

    /**
     * A type is only told by declaring with it, which Qpid answers by closing the whole connection: the
     * lock's connection must survive, so the declaration goes over a connection of its own.
     */
    private ExchangeState exchangeState(Connection connection) throws IOException, TimeoutException {
        if (!exists(connection, channel -> channel.exchangeDeclarePassive(partitions.exchange()))) {
            return ExchangeState.ABSENT;
        }
        org.springframework.amqp.rabbit.connection.Connection probe = connections.createConnection();
        try (Channel channel = probe.getDelegate().createChannel()) {
            channel.exchangeDeclare(partitions.exchange(), AriPartitions.EXCHANGE_TYPE, true);
            return ExchangeState.DIRECT;
        } catch (IOException e) {
            if (BrokerReplies.refusedWith(e, BrokerReplies.PRECONDITION_FAILED, BrokerReplies.NOT_ALLOWED)) {
                return ExchangeState.OTHER;
            }
            throw e;
        } finally {
            probe.getDelegate().abort();
            probe.close();
        }
    }

    /** The partition count recorded by the last complete layout, 0 when none is. */
    private int recordedCount(Connection connection) throws IOException, TimeoutException {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclare(recordQueue(partitions), true, false, false, null);
            GetResponse record = channel.basicGet(recordQueue(partitions), false);
            if (record == null) {
                return 0;
            }
            channel.basicReject(record.getEnvelope().getDeliveryTag(), true);
            try {
                return Integer.parseInt(new String(record.getBody(), StandardCharsets.UTF_8).trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** The single queue of before partitions (or of one partition), and partition queues beyond the count. */
    private List<String> obsoleteQueues(Connection connection) throws IOException, TimeoutException {
        String base = partitions.exchange();
        List<String> found = new ArrayList<>();
        if (partitions.count() > 1 && queueExists(connection, base)) {
            found.add(base);
        }
        for (int n = partitions.count() == 1 ? 0 : partitions.count(); queueExists(connection, base + "." + n); n++) {
            found.add(base + "." + n);
        }
        return found;
    }

    /** A partition queue deleted took its bindings with it: only a full layout brings them back. */
    private boolean queuesExist(Connection connection) throws IOException, TimeoutException {
        for (String queue : partitions.queues()) {
            if (!queueExists(connection, queue)) {
                return false;
            }
        }
        return true;
    }

    private boolean queueExists(Connection connection, String queue) throws IOException, TimeoutException {
        return exists(connection, channel -> channel.queueDeclarePassive(queue));
    }

    private static boolean exists(Connection connection, PassiveCheck check) throws IOException, TimeoutException {
        Channel channel = connection.createChannel();
        try {
            check.run(channel);
            return true;
        } catch (IOException e) {
            if (BrokerReplies.refusedWith(e, BrokerReplies.NOT_FOUND)) {
                return false;
            }
            throw e;
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }

    /** Holds one message: the partition count the bindings were made for. */
    static String recordQueue(AriPartitions partitions) {
        return partitions.exchange() + ".layout";
    }

    @FunctionalInterface
    private interface PassiveCheck {
        void run(Channel channel) throws IOException;
    }

    /** Before the partition container starts consuming; a broker that is away: see the missing queues above. */
    @Override
    public void start() {
        running = true;
        ensureOrLog();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2;
    }
}
