package net.voipbin.callmanager.call;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.asterisk.ChannelRepository;
import net.voipbin.callmanager.config.CallManagerProperties;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call.Direction;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * Outbound calls: the call row (dialing, channel id = call id) exists before the originate is sent
 * to any proxy ({@code asterisk.call.request}), so every event of the new channel finds its call. A
 * call still unanswered at its dial timeout is hung up with {@code dialout}.
 */
@Service
public class OutboundDialer {

    private static final Logger log = LoggerFactory.getLogger(OutboundDialer.class);

    private final CallRepository calls;
    private final ChannelRepository channels;
    private final CallLifecycle lifecycle;
    private final CallService callService;
    private final AriCommands ari;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final ScheduledExecutorService timers;
    private final CallManagerProperties properties;
    private final Clock clock;

    OutboundDialer(CallRepository calls, ChannelRepository channels, CallLifecycle lifecycle, CallService callService,
            AriCommands ari, EventPublisher events, TransactionTemplate tx, ScheduledExecutorService callTimers,
            CallManagerProperties properties, Clock clock) {
        this.calls = calls;
        this.channels = channels;
        this.lifecycle = lifecycle;
        this.callService = callService;
        this.ari = ari;
        this.events = events;
        this.tx = tx;
        this.timers = callTimers;
        this.properties = properties;
        this.clock = clock;
    }

    /** One call per destination; each is dialing (or already failed) when this returns. */
    public List<CallRow> dial(UUID customerId, Address source, List<Address> destinations, UUID flowId,
            Integer dialTimeoutMs) {
        return dial(customerId, source, destinations, flowId, dialTimeoutMs, null);
    }

    /**
     * With {@code callId} (one destination only) the caller names the call: asked again with the same id (its first
     * answer was lost), this answers the call already made instead of dialing twice.
     */
    public List<CallRow> dial(UUID customerId, Address source, List<Address> destinations, UUID flowId,
            Integer dialTimeoutMs, UUID callId) {
        Duration timeout = dialTimeoutMs == null ? properties.dialTimeout() : Duration.ofMillis(dialTimeoutMs);
        if (callId != null) {
            if (destinations.size() != 1) {
                throw ApiException.invalidField("call_id", "names one call: give exactly one destination");
            }
            Optional<CallRow> made = calls.find(callId);
            if (made.isPresent()) {
                return List.of(sameCustomers(made.get(), customerId));
            }
            try {
                return List.of(dialOne(callId, customerId, source, destinations.getFirst(), flowId, timeout));
            } catch (DuplicateKeyException e) {
                // The same request twice at once: the other one made the call.
                return List.of(sameCustomers(calls.find(callId).orElseThrow(() -> e), customerId));
            }
        }
        List<CallRow> dialed = new ArrayList<>();
        for (Address destination : destinations) {
            dialed.add(dialOne(UUID.randomUUID(), customerId, source, destination, flowId, timeout));
        }
        return dialed;
    }

    private static CallRow sameCustomers(CallRow made, UUID customerId) {
        if (!customerId.equals(made.customerId())) {
            throw new ApiException(409, "call_exists", "call " + made.id() + " exists");
        }
        return made;
    }

    /** Dials one call with an id chosen by the caller (a transfer records its target before dialing). */
    public CallRow dialOne(UUID id, UUID customerId, Address source, Address destination, UUID flowId,
            Duration timeout) {
        var now = clock.instant();
        // The channel is named after the call: a UUID, which marks it as ours when it enters the app (ChannelIds).
        CallRow row = new CallRow(id, customerId, null, id.toString(), null, flowId, null, Direction.OUTGOING, source,
                destination, CallStatus.DIALING, null, null, null, now, null, null, null, 0, now.plus(timeout));
        tx.executeWithoutResult(status -> {
            calls.insert(row);
            channels.upsert(row.channelId(), null, "", "", ChannelRepository.KIND_CALL, id);
            events.publish(CallManagerEvents.CALL_CREATED, row.toCall());
        });
        try {
            // Asterisk's own ring limit is a little longer: our timer decides, with reason dialout.
            ari.send(null, "POST", "/channels", AriCommands.query("endpoint", endpoint(destination),
                    "app", properties.app(), "channelId", row.channelId(), "callerId", source.target(),
                    "timeout", Long.toString(timeout.toSeconds() + 5), "appArgs", "outbound"));
        } catch (RuntimeException e) {
            // Asterisk answers "Allocation failed" for an endpoint it does not have (the default tel template
            // needs a PJSIP endpoint named trunk): name the endpoint, so the log says what to configure.
            String endpoint = endpoint(destination);
            log.warn("call {}: originate to {} failed on endpoint {}: {} (does Asterisk have this endpoint? see "
                    + "voipbin.call-manager.endpoints.*)", id, destination.target(), endpoint, e.getMessage());
            return lifecycle.endLocally(id, HangupReason.FAILED, "originate_failed: " + endpoint + ": "
                    + e.getMessage()).orElse(row);
        }
        timers.schedule(() -> dialTimedOut(id), timeout.toMillis(), TimeUnit.MILLISECONDS);
        log.info("call {} dialing {} ({})", id, destination.target(), endpoint(destination));
        return calls.find(id).orElse(row);
    }

    public Duration defaultDialTimeout() {
        return properties.dialTimeout();
    }

    private void dialTimedOut(UUID id) {
        calls.find(id).filter(c -> c.status() == CallStatus.DIALING || c.status() == CallStatus.RINGING).ifPresent(c -> {
            try {
                callService.hangup(id, HangupReason.DIALOUT, "dial_timeout", "no_answer");
            } catch (RuntimeException e) {
                log.warn("call {}: dial timeout hangup failed: {}", id, e.getMessage());
            }
        });
    }

    String endpoint(Address destination) {
        String format = switch (destination.type()) {
            case TEL -> properties.endpoints().tel();
            case SIP -> properties.endpoints().sip();
            case EXTENSION -> properties.endpoints().extension();
        };
        return String.format(format, destination.target());
    }
}
