package net.voipbin.rpc.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import net.voipbin.rpc.json.Json;

class MessageSizeTest {

    private static final long MAX = 1_000;

    // Never started and never connecting: a refused message must be refused before it is queued.
    private final OrderedPublisher ordered = new OrderedPublisher("test", new CachingConnectionFactory("127.0.0.1"),
            Duration.ofSeconds(1), () -> { }, count -> { }, MAX);
    private final EventPublisher events = new EventPublisher(ordered, Json.newMapper(), "bin-manager.event", "alpha",
            Clock.systemUTC(), null, MAX);

    @Test
    void anEventOverTheMaximumIsRefusedNamingItsSizeAndTheSetting() {
        assertThatThrownBy(() -> events.publish("thing_created", Map.of("blob", "x".repeat(2_000))))
                .isInstanceOf(MessageSize.MessageTooLargeException.class)
                .hasMessageStartingWith("event alpha.thing_created refused, oversize: ")
                .hasMessageEndingWith(" bytes > 1000 (voipbin.events.max-size)");
    }

    @Test
    void anEventUnderTheMaximumIsHandedOver() throws Exception {
        events.publish("thing_created", Map.of("blob", "x".repeat(500)));

        assertThat(ordered.awaitConfirmed(Duration.ZERO)).as("one message waiting for the broker").isFalse();
    }

    @Test
    void theOrderedPublisherRefusesAnOversizeMessageOfAnyPublisher() {
        Message big = new Message(new byte[1_001], new MessageProperties());

        assertThatThrownBy(() -> ordered.publish("asterisk.all.event", "17", big))
                .isInstanceOf(MessageSize.MessageTooLargeException.class)
                .hasMessageContaining("test message 17 refused, oversize: 1001 bytes > 1000");
    }
}
