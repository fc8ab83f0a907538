package net.voipbin.flowmanager.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EarlySignalsTest {

    private Instant now = Instant.parse("2026-01-20T12:00:00Z");
    private final java.time.Clock clock = new java.time.Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void handsAKeptSignalToTheFirstWaitThatMatchesItOnce() {
        EarlySignals early = new EarlySignals(clock, Duration.ofSeconds(10), 10);
        Signal answered = new Signal.CallAnswered(UUID.randomUUID());
        early.remember(answered);

        assertThat(early.take(List.of("other", answered.key()))).contains(answered);
        assertThat(early.take(List.of(answered.key()))).isEmpty();
    }

    @Test
    void forgetsSignalsThatAreTooOldOrTooMany() {
        EarlySignals early = new EarlySignals(clock, Duration.ofSeconds(10), 2);
        Signal old = new Signal.External("queuecall:1", null);
        early.remember(old);
        now = now.plusSeconds(11);
        assertThat(early.take(List.of(old.key()))).isEmpty();

        Signal first = new Signal.External("queuecall:2", null);
        early.remember(first);
        early.remember(new Signal.External("queuecall:3", null));
        early.remember(new Signal.External("queuecall:4", null));
        assertThat(early.take(List.of(first.key()))).isEmpty();
        assertThat(early.take(List.of("queuecall:4"))).isPresent();
    }
}
