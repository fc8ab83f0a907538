package net.voipbin.callmanager.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * call-manager's settings under {@code voipbin.call-manager.*}.
 *
 * @param app          the Stasis application outbound channels enter
 * @param partitions   ARI partition queues ({@code asterisk.all.event.<n>}; 1 = the one queue {@code asterisk.all.event}):
 *                     each is consumed by one instance at a time, so this caps how many instances share the work
 * @param partitionTakeover how often an instance asks again for the partitions another instance consumes, which
 *                     bounds how long partitions of a dead instance stay unconsumed
 * @param lanes        ARI event lanes: events of one channel run on one lane, in arrival order
 * @param prefetch     unacknowledged ARI events in flight per partition queue this instance consumes
 * @param dialTimeout  default ringing limit of an originate (a request may set its own)
 * @param endpoints    how an address becomes an ARI endpoint ({@code %s} = the target)
 * @param tts          text to speech: {@code auto} (espeak-ng when installed, else prompts), {@code espeak}, {@code prompt}
 * @param sweepPeriod  how often timeouts whose in-memory timer was lost (restart) are caught up from the database
 * @param maxDuration  the longest a call may last (from its creation); a longer one is hung up, reason timeout
 * @param echo         the AudioSocket echo server Asterisk connects to for the {@code echo} operation
 * @param retryBudget  how long a request that may be sent twice (starting a call's flow, hanging a call up)
 *                     is sent again while the broker or the service behind it is away
 */
@ConfigurationProperties("voipbin.call-manager")
public record CallManagerProperties(
        @DefaultValue("voipbin") String app,
        @DefaultValue("16") int partitions,
        @DefaultValue("1s") Duration partitionTakeover,
        @DefaultValue("8") int lanes,
        @DefaultValue("256") int prefetch,
        @DefaultValue("30s") Duration dialTimeout,
        @DefaultValue Endpoints endpoints,
        @DefaultValue Tts tts,
        @DefaultValue("5s") Duration sweepPeriod,
        @DefaultValue("4h") Duration maxDuration,
        @DefaultValue Echo echo,
        @DefaultValue("20s") Duration retryBudget) {

    public record Endpoints(
            @DefaultValue("PJSIP/%s@trunk") String tel,
            @DefaultValue("PJSIP/trunk/%s") String sip,
            @DefaultValue("PJSIP/%s") String extension) {
    }

    /**
     * {@code bind}: the address to listen on (default: the HTTP server's); {@code port} 0 = any free
     * port; {@code host}: what Asterisk connects to (blank: the bound address, or this host's).
     */
    public record Echo(
            @DefaultValue("0.0.0.0") String bind,
            @DefaultValue("0") int port,
            @DefaultValue("") String host) {
    }

    /** {@code dir}: where espeak-ng's audio is written; Asterisk must read it at the same path. */
    public record Tts(
            @DefaultValue("auto") String engine,
            @DefaultValue("/tmp/voipbin-tts") Path dir,
            @DefaultValue("espeak-ng") String command) {
    }
}
