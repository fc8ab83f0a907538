package net.voipbin.callmanager.ari;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.contract.asteriskproxy.ProxyConnected;

/**
 * {@code proxy_connected}: Asterisk keeps no events for absent listeners, so every live call on that
 * Asterisk whose channel is not in the proxy's list ended while nobody listened: it is hung up now
 * ({@code call_hungup}). Calls created after the proxy read the list are left alone (their events may
 * be handled on another lane before this one).
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    /** No cause is known for a channel that vanished unseen. */
    private static final int UNKNOWN_CAUSE = 0;

    private final CallRepository calls;
    private final ChannelEventHandler channels;

    Reconciler(CallRepository calls, ChannelEventHandler channels) {
        this.calls = calls;
        this.channels = channels;
    }

    void reconcile(ProxyConnected connected, Instant listedAt) {
        Set<String> alive = new HashSet<>(connected.channelIds());
        int ended = 0;
        for (CallRow call : calls.live(connected.asteriskId())) {
            if (alive.contains(call.channelId()) || !call.tmCreate().isBefore(listedAt)) {
                continue;
            }
            channels.ended(call.channelId(), UNKNOWN_CAUSE);
            ended++;
        }
        log.info("proxy for {} connected with {} channels; {} calls whose channel is gone hung up",
                connected.asteriskId(), alive.size(), ended);
    }
}
