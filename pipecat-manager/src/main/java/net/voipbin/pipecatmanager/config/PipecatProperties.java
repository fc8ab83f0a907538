package net.voipbin.pipecatmanager.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code voipbin.pipecat.*}: where the AudioSocket server listens, the address call-manager gives
 * Asterisk to connect to, frame and buffer limits, tool deadlines, and how long a session waits for
 * Asterisk to connect ({@code attach-timeout}) and then for the caller's audio ({@code audio-timeout}).
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
        @DefaultValue("5s") Duration toolTimeout,
        @DefaultValue("10s") Duration attachTimeout,
        @DefaultValue("3s") Duration audioTimeout,
        /** Caller audio kept while the runner connects, and the most ever forwarded ahead of real time. */
        @DefaultValue("60ms") Duration startupBuffer) {
}
