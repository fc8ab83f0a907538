package net.voipbin.callmanager.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelIdsTest {

    @Test
    void idsWeMintAreRecognisedAsOurs() {
        assertThat(ChannelIds.minted(ChannelIds.mint())).isTrue();
        assertThat(ChannelIds.minted("6C6E08B6-F6C6-4AF2-BF25-4C3CA82640BD")).isTrue();
    }

    @Test
    void asterisksOwnIdsAreNot() {
        assertThat(ChannelIds.minted("1795665926.2430")).isFalse();
        assertThat(ChannelIds.minted("pbx-eu-1-1795665926.2430")).isFalse();
        assertThat(ChannelIds.minted("6c6e08b6-f6c6-4af2-bf25-4c3ca82640bd;2")).isFalse();
        assertThat(ChannelIds.minted("6c6e08b6xf6c6-4af2-bf25-4c3ca82640bd")).isFalse();
        assertThat(ChannelIds.minted("6c6e08b6-f6c6-4af2-bf25-4c3ca82640bg")).isFalse();
        assertThat(ChannelIds.minted(null)).isFalse();
    }
}
