package net.voipbin.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.local.home.LocalModeException;

class CallOptionsTest {

    @Test
    void readsTheNumberAndEveryOption() {
        CallOptions options = CallOptions.parse(List.of("+15551234567", "--from", "+15550009999", "--press", "12#",
                "--hangup-after", "2.5", "--timeout", "30"));

        assertThat(options).isEqualTo(new CallOptions("+15551234567", "+15550009999", "12#", Duration.ofMillis(2500),
                Duration.ofSeconds(30)));
        assertThat(CallOptions.parse(List.of("+1555")).from()).isEqualTo(CallOptions.DEFAULT_CALLER);
    }

    @Test
    void badInputIsRefusedWithWhatIsWrongAndTheUsage() {
        assertThatThrownBy(() -> CallOptions.parse(List.of())).isInstanceOf(LocalModeException.class)
                .hasMessageContaining("NUMBER is required").hasMessageContaining("usage: ./voipbin call");
        assertThatThrownBy(() -> CallOptions.parse(List.of("+1555", "--press", "1x")))
                .hasMessageContaining("--press takes DTMF digits");
        assertThatThrownBy(() -> CallOptions.parse(List.of("+1555", "--hangup-after", "-1")))
                .hasMessageContaining("positive number of seconds");
        assertThatThrownBy(() -> CallOptions.parse(List.of("+1555", "--from")))
                .hasMessageContaining("--from needs a value");
        assertThatThrownBy(() -> CallOptions.parse(List.of("+1555", "+1666"))).hasMessageContaining("unexpected '+1666'");
    }
}
