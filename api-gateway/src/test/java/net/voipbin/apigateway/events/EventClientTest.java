package net.voipbin.apigateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class EventClientTest {

    /** A sink that records, and can hold its writer as a client that stopped reading does. */
    private static final class RecordingSink implements EventSink {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final AtomicReference<String> closed = new AtomicReference<>();
        final CountDownLatch reading = new CountDownLatch(1);
        final boolean stalled;

        RecordingSink(boolean stalled) {
            this.stalled = stalled;
        }

        @Override
        public void send(String frame) {
            if (stalled) {
                try {
                    reading.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            frames.add(frame);
        }

        @Override
        public void heartbeat() {
        }

        @Override
        public void close(String reason) {
            closed.set(reason);
        }
    }

    private final UUID customer = UUID.randomUUID();

    @Test
    void framesAreSentInTheOrderOffered() {
        RecordingSink sink = new RecordingSink(false);
        EventClient client = new EventClient(customer, EventFilter.ALL, sink, 128, () -> { });
        client.start();

        for (int i = 0; i < 100; i++) {
            client.offer("e" + i);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.frames.size() == 100);
        assertThat(sink.frames).first().isEqualTo("e0");
        assertThat(sink.frames).last().isEqualTo("e99");
    }

    @Test
    void aClientThatStopsReadingIsClosedAsTooSlowWithoutTheOfferEverWaiting() {
        RecordingSink sink = new RecordingSink(true);
        AtomicBoolean removed = new AtomicBoolean();
        EventClient client = new EventClient(customer, EventFilter.ALL, sink, 4, () -> removed.set(true));
        client.start();

        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            client.offer("e" + i);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

        sink.reading.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.closed.get() != null);
        assertThat(sink.closed.get()).isEqualTo("client too slow: more than 4 events unsent");
        assertThat(removed).isTrue();
        assertThat(sink.frames.size()).isLessThanOrEqualTo(1);
    }

    @Test
    void aClientMaySubscribeOnlyToItsOwnCustomer() {
        EventClient client = new EventClient(customer, EventFilter.ALL, new RecordingSink(false), 4, () -> { });
        Topic other = Topic.parse("customer_id:" + UUID.randomUUID() + ":call:*");
        Topic own = Topic.parse("customer_id:" + customer + ":call:*");

        assertThatThrownBy(() -> client.subscribe(List.of(own, other))).hasMessageStartingWith("topic names another customer");
        LiveEvent queuecall = new LiveEvent(customer, "queuecall_waiting", "queuecall", "q1", "{}");
        assertThat(client.wants(queuecall)).as("a refused subscription changes nothing").isTrue();

        client.subscribe(List.of(own));
        assertThat(client.wants(queuecall)).isFalse();
        assertThat(client.wants(new LiveEvent(customer, "call_created", "call", "c1", "{}"))).isTrue();
    }
}
