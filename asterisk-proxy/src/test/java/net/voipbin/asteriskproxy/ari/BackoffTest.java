package net.voipbin.asteriskproxy.ari;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleFromTheInitialAndAreCappedAtThirtySeconds() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

        assertThat(backoff.nextBase()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.nextBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.nextBase()).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) {
            backoff.nextBase();
        }
        assertThat(backoff.nextBase()).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aSuccessfulConnectionStartsTheDelaysAgain() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        backoff.nextBase();
        backoff.nextBase();

        backoff.reset();

        assertThat(backoff.nextBase()).isEqualTo(Duration.ofMillis(500));
    }
}
