package net.voipbin.apigateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final UUID CUSTOMER = UUID.randomUUID();

    private static LiveEvent event(String type, String id) {
        return new LiveEvent(CUSTOMER, type, LiveEvent.resourceOf(type), id, "{}");
    }

    @Test
    void typesAreExactNamesOrPrefixesEndingInAStar() {
        EventFilter filter = EventFilter.of("call_*, queuecall_waiting", null);

        assertThat(filter.matches(event("call_hungup", "c1"))).isTrue();
        assertThat(filter.matches(event("queuecall_waiting", "q1"))).isTrue();
        assertThat(filter.matches(event("queuecall_done", "q1"))).isFalse();
        assertThat(filter.matches(event("callx_created", "q1"))).isFalse();
    }

    @Test
    void aResourceIsNamedSingularOrPluralOrByItsId() {
        assertThat(EventFilter.of(null, "calls").matches(event("call_created", "c1"))).isTrue();
        assertThat(EventFilter.of(null, "call").matches(event("call_dtmf_received", "c1"))).isTrue();
        assertThat(EventFilter.of(null, "calls").matches(event("campaigncall_created", "c1"))).isFalse();
        assertThat(EventFilter.of(null, "c1").matches(event("queuecall_waiting", "c1"))).isTrue();
        assertThat(EventFilter.of(null, "c2").matches(event("call_created", "c1"))).isFalse();
    }

    @Test
    void typeAndResourceMustBothMatchAndNothingAskedLetsEverythingThrough() {
        assertThat(EventFilter.of("call_*", "c1").matches(event("call_created", "c2"))).isFalse();
        assertThat(EventFilter.of("", " ").matches(event("agent_updated", "a1"))).isTrue();
        assertThat(EventFilter.ALL.matches(event("agent_updated", "a1"))).isTrue();
    }
}
