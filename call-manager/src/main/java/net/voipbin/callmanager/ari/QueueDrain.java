package net.voipbin.callmanager.ari;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import net.voipbin.rpc.topology.AriPartitions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Empties an ARI queue that is no longer part of the layout (the single queue of before partitions, or a
 * partition beyond a smaller count) into the partition each event belongs to, then deletes it. Runs while
 * the exchange is away, so no newer event of the same channel can overtake a moved one. Each event is
 * acked only after the broker confirmed its copy: a crash in between duplicates, never loses.
 */
final class QueueDrain {

    private static final Logger log = LoggerFactory.getLogger(QueueDrain.class);
    private static final long CONFIRM_TIMEOUT_MILLIS = 5_000;

    private final AriPartitions partitions;
    private final JsonMapper json;

    QueueDrain(AriPartitions partitions, JsonMapper json) {
        this.partitions = partitions;
        this.json = json;
    }

    /** A queue someone still consumes is left to them: taking its messages would race their acks. */
    void intoPartitions(Connection connection, String queue) throws IOException, TimeoutException {
        try (Channel channel = connection.createChannel()) {
            AMQP.Queue.DeclareOk state = channel.queueDeclarePassive(queue);
            if (state.getConsumerCount() > 0) {
                log.warn("{} is outside the {} ARI partitions but has {} consumer(s), probably a call-manager with "
                        + "another layout: it gets no new events; delete it once they have drained it", queue,
                        partitions.count(), state.getConsumerCount());
                return;
            }
            channel.confirmSelect();
            int moved = 0;
            for (GetResponse event; (event = channel.basicGet(queue, false)) != null; moved++) {
                channel.basicPublish("", destination(event.getBody()), event.getProps(), event.getBody());
                awaitConfirm(channel);
                channel.basicAck(event.getEnvelope().getDeliveryTag(), false);
            }
            channel.queueDelete(queue, true, true);
            log.info("moved {} ARI event(s) from {} into the partition queues and deleted it", moved, queue);
        }
    }

    private static void awaitConfirm(Channel channel) throws IOException, TimeoutException {
        try {
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while moving ARI events");
        }
    }

    /** An unreadable envelope goes to partition 0, where its consumer parks it. */
    private String destination(byte[] body) {
        try {
            JsonNode envelope = json.readTree(body);
            String asteriskId = envelope.path("asterisk_id").asString(null);
            return partitions.queueOf(envelope.get("data"), asteriskId);
        } catch (RuntimeException e) {
            return partitions.queue(0);
        }
    }
}
