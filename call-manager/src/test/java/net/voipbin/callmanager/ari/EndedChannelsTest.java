package net.voipbin.callmanager.ari;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndedChannelsTest {

    @Test
    void aChannelEndedHereIsKnownAsEnded() {
        EndedChannels ended = new EndedChannels(4);
        ended.add("1.1");

        assertThat(ended.contains("1.1")).isTrue();
        assertThat(ended.contains("1.2")).isFalse();
    }

    @Test
    void theOldestChannelsAreForgottenBeyondTheCapacity() {
        EndedChannels ended = new EndedChannels(2);
        ended.add("1.1");
        ended.add("1.2");
        ended.add("1.3");

        assertThat(ended.contains("1.1")).isFalse();
        assertThat(ended.contains("1.2")).isTrue();
        assertThat(ended.contains("1.3")).isTrue();
    }
}
