package net.voipbin.callmanager.ari;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.context.SmartLifecycle;

import com.rabbitmq.client.Channel;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventConsumer;
import net.voipbin.rpc.topology.AriPartitions;

/**
 * Per-channel ordering with parallelism across channels, inside the partition queues this instance
 * consumes. Each of those queues has one consumer here, receiving it in queue order; each message goes to
 * one of N single-thread lanes chosen by the hash of its partition key ({@link AriPartitions#key}: its
 * channel, else its bridge, else its Asterisk), so the events of one channel are handled one after the
 * other in arrival order while other channels proceed on other lanes. The lane runs the
 * {@link EventConsumer} of the message's queue, so a retry goes to the back of the queue it came from;
 * the prefetch bounds what is in flight.
 * <p>
 * Stopping (before the container closes the channels) first finishes what the lanes hold, so those acks
 * go out, and leaves later deliveries unacked: the instance taking the partitions over gets them, in
 * order, without this one still handling earlier events of the same channels.
 */
final class ChannelLanes implements ChannelAwareMessageListener, SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChannelLanes.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService[] lanes;
    private final Map<String, EventConsumer> consumers;
    private volatile boolean draining;
    private volatile boolean running;

    /** {@code consumers}: the event consumer of each queue, by queue name. */
    ChannelLanes(int count, Map<String, EventConsumer> consumers) {
        this.lanes = new ExecutorService[Math.max(1, count)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ari-lane-" + i).factory());
        }
        this.consumers = Map.copyOf(consumers);
    }

    static ChannelLanes forPartitions(int count, AriPartitions partitions, Function<String, EventConsumer> consumerOf) {
        return new ChannelLanes(count, partitions.queues().stream()
                .collect(Collectors.toMap(Function.identity(), consumerOf)));
    }

    @Override
    public void onMessage(Message message, Channel channel) {
        if (draining) {
            return;
        }
        EventConsumer consumer = consumers.get(message.getMessageProperties().getConsumerQueue());
        // Taken in here, in delivery order (the acks depend on it); decoded once, since the lane key is inside.
        EventConsumer.Received received = consumer.receive(message, channel);
        Event event = received.event();
        String key = event == null ? "" : AriPartitions.key(event.data(), event.asteriskId());
        lanes[lane(key, lanes.length)].execute(() -> consumer.handle(received));
    }

    /** Independent of the partition (CRC32) so the channels of one partition still spread over every lane. */
    static int lane(String key, int count) {
        return Math.floorMod(key.hashCode(), count);
    }

    @Override
    public void start() {
        draining = false;
        running = true;
    }

    @Override
    public void stop() {
        drain(DRAIN_TIMEOUT);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the partition container ({@link AriIntakeConfiguration}) closes the channels. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** Takes no new deliveries and waits until every lane has finished what it was given. */
    void drain(Duration timeout) {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (ExecutorService lane : lanes) {
                lane.submit(() -> { }).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            log.warn("ARI lanes still busy after {} ms; their unacked events go to the next consumer", timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("ARI lane failed while draining: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
    }
}
