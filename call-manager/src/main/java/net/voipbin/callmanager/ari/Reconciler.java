package net.voipbin.callmanager.ari;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.contract.asteriskproxy.ProxyConnected;
import net.voipbin.contract.asteriskproxy.ProxyDisconnected;

/**
 * {@code proxy_connected}: Asterisk keeps no events for absent listeners, so every live call on that
 * Asterisk whose channel is not in the proxy's list ended while nobody listened: it is hung up now
 * ({@code call_hungup}). Calls created after the proxy read the list are left alone (their events may
 * be handled on another lane before this one).
 *
 * <p>When did such a call end? Somewhere between the moment the proxy last heard from Asterisk and the
 * moment it read the list. Its hangup time is the earliest of those that is not before the call's own
 * last known moment: the proxy's {@code disconnected_at} (no channel that was alive when the events
 * stopped can have ended before), else the time a stopped proxy said it stopped listening
 * ({@code proxy_disconnected}), else the time of the list.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    /** No cause is known for a channel that vanished unseen. */
    private static final int UNKNOWN_CAUSE = 0;

    private final CallRepository calls;
    private final ChannelEventHandler channels;
    /** When a stopped proxy stopped listening, per Asterisk, until the next proxy_connected. */
    private final Map<String, Instant> stopped = new ConcurrentHashMap<>();

    Reconciler(CallRepository calls, ChannelEventHandler channels) {
        this.calls = calls;
        this.channels = channels;
    }

    /**
     * A proxy that stopped ({@code proxy_disconnected}, its last event) tells when it stopped listening; the
     * proxy that starts next cannot, so its first {@code proxy_connected} is reconciled as of this. Kept in
     * memory: both events go to the same partition and lane (keyed by the Asterisk), so the instance holding
     * that partition sees them in order; one that takes it over in between reconciles as of the list.
     */
    void disconnected(ProxyDisconnected disconnected) {
        stopped.merge(disconnected.asteriskId(), disconnected.disconnectedAt(), (a, b) -> a.isBefore(b) ? a : b);
        log.info("proxy for {} stopped listening at {}", disconnected.asteriskId(), disconnected.disconnectedAt());
    }

    void reconcile(ProxyConnected connected, Instant listedAt) {
        Instant told = stopped.remove(connected.asteriskId());
        Instant since = connected.disconnectedAt() != null ? connected.disconnectedAt() : told;
        Set<String> alive = new HashSet<>(connected.channelIds());
        int ended = 0;
        for (CallRow call : calls.live(connected.asteriskId())) {
            if (alive.contains(call.channelId()) || !call.tmCreate().isBefore(listedAt)) {
                continue;
            }
            channels.ended(call.channelId(), UNKNOWN_CAUSE, endedAt(call, since, listedAt));
            ended++;
        }
        log.info("proxy for {} connected with {} channels (not listening since {}); {} calls whose channel is gone "
                + "hung up", connected.asteriskId(), alive.size(), since, ended);
    }

    /** The best known end of a call whose channel vanished while the proxy was away. */
    static Instant endedAt(CallRow call, Instant disconnectedAt, Instant listedAt) {
        if (disconnectedAt == null || !disconnectedAt.isBefore(listedAt)) {
            return listedAt;
        }
        Instant lastKnown = Stream.of(call.tmCreate(), call.tmRinging(), call.tmProgressing())
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(disconnectedAt);
        Instant at = lastKnown.isAfter(disconnectedAt) ? lastKnown : disconnectedAt;
        return at.isAfter(listedAt) ? listedAt : at;
    }
}
