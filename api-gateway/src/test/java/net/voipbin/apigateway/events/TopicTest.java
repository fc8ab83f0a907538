package net.voipbin.apigateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class TopicTest {

    private static final UUID CUSTOMER = UUID.randomUUID();

    private static LiveEvent event(UUID customer, String type, String id) {
        return new LiveEvent(customer, type, LiveEvent.resourceOf(type), id, "{}");
    }

    @Test
    void aTopicNamesAResourceOfTheCustomerAndOneIdOrAll() {
        Topic calls = Topic.parse("customer_id:" + CUSTOMER + ":call:*");
        Topic oneCall = Topic.parse("customer_id:" + CUSTOMER + ":call:c1");

        assertThat(calls.matches(event(CUSTOMER, "call_hungup", "c9"))).isTrue();
        assertThat(calls.matches(event(CUSTOMER, "queuecall_waiting", "q1"))).isFalse();
        assertThat(calls.matches(event(UUID.randomUUID(), "call_hungup", "c9"))).isFalse();
        assertThat(oneCall.matches(event(CUSTOMER, "call_answered", "c1"))).isTrue();
        assertThat(oneCall.matches(event(CUSTOMER, "call_answered", "c2"))).isFalse();
        assertThat(Topic.parse("customer_id:" + CUSTOMER + ":queuecall").resourceId()).isEqualTo("*");
    }

    @Test
    void aMalformedTopicIsRefusedSayingWhatATopicLooksLike() {
        assertThatThrownBy(() -> Topic.parse("agent_id:x:call:*")).hasMessageStartingWith("topic must look like");
        assertThatThrownBy(() -> Topic.parse("customer_id:not-a-uuid:call:*"))
                .hasMessageStartingWith("topic's customer_id is not a UUID");
        assertThatThrownBy(() -> Topic.parse("customer_id:" + CUSTOMER)).hasMessageStartingWith("topic must look like");
        assertThatThrownBy(() -> Topic.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
