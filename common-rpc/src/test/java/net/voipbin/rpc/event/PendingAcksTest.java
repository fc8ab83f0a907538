package net.voipbin.rpc.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;

/** Which ack frames a channel gets for deliveries finished in various orders. */
class PendingAcksTest {

    /** The frames sent: "ack 5+" is a multiple-ack up to 5, "ack 5" a single one, "nack 5" a requeue. */
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final PendingAcks acks = new PendingAcks(recordingChannel());

    @Test
    void finishedInOrderEachIsAckedAtOnce() throws Exception {
        receive(1, 2);
        acks.finished(1);
        acks.finished(2);
        assertThat(frames).containsExactly("ack 1+", "ack 2+");
    }

    @Test
    void aFinishedRunBehindTheFrontIsAckedAloneAndNeverTakesARunningOneAlong() throws Exception {
        receive(1, 2, 3, 4);
        acks.finished(3);
        acks.finished(4);
        assertThat(frames).containsExactly("ack 3", "ack 4");
        acks.finished(1);
        assertThat(frames).containsExactly("ack 3", "ack 4", "ack 1+");
        assertThat(acks.unacknowledged()).isEqualTo(1);
    }

    @Test
    void aBurstFinishedFromAnotherThreadGoesOutAsOneMultipleAck() {
        receive(1, 2, 3, 4, 5);
        synchronized (acks) {
            // Held while the burst completes, as a group commit releasing its batch would be.
            for (long tag = 1; tag <= 5; tag++) {
                acks.finishedSoon(tag);
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> acks.unacknowledged() == 0);
        assertThat(frames).containsExactly("ack 5+");
    }

    @Test
    void aRequeuedDeliveryIsNackedAndLeavesTheRest() throws Exception {
        receive(1, 2);
        acks.requeue(1);
        acks.finished(2);
        assertThat(frames).containsExactly("nack 1", "ack 2+");
        acks.finished(1);
        assertThat(frames).as("a requeued delivery is not acked later").hasSize(2);
    }

    private void receive(long... tags) {
        for (long tag : tags) {
            acks.received(tag);
        }
    }

    private Channel recordingChannel() {
        return (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(), new Class<?>[] {Channel.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "basicAck" -> frames.add("ack " + args[0] + ((Boolean) args[1] ? "+" : ""));
                        case "basicNack" -> frames.add("nack " + args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }
}
