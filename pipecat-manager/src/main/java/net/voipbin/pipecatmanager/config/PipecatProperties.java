package net.voipbin.pipecatmanager.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code voipbin.pipecat.*}: where the AudioSocket server listens, the address call-manager gives
 * Asterisk to connect to, frame and buffer limits, tool deadlines.
 */
@ConfigurationProperties("voipbin.pipecat")
public record PipecatProperties(
        @DefaultValue("127.0.0.1") String audiosocketHost,
        @DefaultValue("9093") int audiosocketPort,
        /** host:port Asterisk connects to; empty = audiosocket-host and the bound port. */
        @DefaultValue("") String advertisedAddress,
        @DefaultValue("4096") int maxFramePayload,
        @DefaultValue("30") int playoutSeconds,
        @DefaultValue("2") int ioThreads,
        @DefaultValue("5s") Duration toolTimeout) {
}
