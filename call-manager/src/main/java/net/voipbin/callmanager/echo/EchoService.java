package net.voipbin.callmanager.echo;

import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.callmanager.operation.ExternalMediaService;
import net.voipbin.contract.callmanager.ExternalMedia;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.rpc.error.ApiException;

/**
 * {@code echo}: ARI has no echo of its own, so the call's bridge gets an AudioSocket external media
 * channel whose far end is our {@link AudioSocketEcho}; after the duration that channel is hung up and
 * the call carries on alone in its bridge. The end is an in-memory timer: after a restart in the
 * middle of an echo the media channel stays until the call ends.
 */
@Service
public class EchoService {

    private static final Logger log = LoggerFactory.getLogger(EchoService.class);
    static final int MAX_DURATION_MS = 3_600_000;

    private final ExternalMediaService externalMedia;
    private final AudioSocketEcho echo;
    private final AriCommands ari;
    private final CallService calls;
    private final ScheduledExecutorService timers;

    EchoService(ExternalMediaService externalMedia, AudioSocketEcho echo, AriCommands ari, CallService calls,
            ScheduledExecutorService callTimers) {
        this.timers = callTimers;
        this.externalMedia = externalMedia;
        this.echo = echo;
        this.ari = ari;
        this.calls = calls;
    }

    public CallRow echo(UUID callId, Integer durationMs) {
        if (durationMs == null || durationMs < 1 || durationMs > MAX_DURATION_MS) {
            throw ApiException.invalidField("duration_ms", "must be 1 to " + MAX_DURATION_MS + " ms");
        }
        CallRow call = calls.live(callId);
        ExternalMedia media = externalMedia.attach(call, new ExternalMediaCreate(echo.address(), "audiosocket",
                "tcp", "slin", "both", UUID.randomUUID().toString()));
        log.info("call {}: echo for {} ms on media channel {}", callId, durationMs, media.channelId());
        timers.schedule(() -> end(call, media.channelId()), durationMs, TimeUnit.MILLISECONDS);
        return call;
    }

    private void end(CallRow call, String mediaChannelId) {
        try {
            ari.hangup(call.asteriskId(), mediaChannelId, "normal");
            log.info("call {}: echo ended", call.id());
        } catch (RuntimeException e) {
            // The call (and with it the media channel) may be gone already.
            log.debug("call {}: echo channel {} not hung up: {}", call.id(), mediaChannelId, e.getMessage());
        }
    }
}
