package net.voipbin.callmanager.call;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.callmanager.call.CallTransitions.IllegalCallTransition;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call.Direction;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.rpc.event.EventPublisher;

/**
 * State changes that Asterisk reports (through ARI events): each reads the call row, applies the
 * transition, stores it unless the row changed meanwhile (then tries again) and publishes the event
 * after the write. A change the status does not allow
 * (a redelivered or late event) changes nothing and publishes nothing.
 */
@Service
public class CallLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallLifecycle.class);
    /** Writes that may overtake one change before it gives up (and its event is retried). */
    static final int MAX_ATTEMPTS = 10;

    private final CallRepository calls;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    CallLifecycle(CallRepository calls, EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.calls = calls;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * An inbound channel entered the app: the call exists from now on, ringing, naming its
     * activeflow-to-be; stored together with its channel row in one statement (no transaction to commit).
     * Empty when the channel was stored before: a redelivered StasisStart, already handled.
     */
    public Optional<CallRow> inbound(String asteriskId, String channelId, String channelName, String channelState,
            Address source, Address destination, UUID customerId, UUID flowId, UUID activeflowId) {
        var now = clock.instant();
        CallRow row = new CallRow(UUID.randomUUID(), customerId, asteriskId, channelId, null, flowId, activeflowId,
                Direction.INCOMING, source, destination, CallStatus.RINGING, null, null, null, now, now, null, null, 0,
                null);
        if (!calls.insertWithChannel(row, channelName, channelState)) {
            log.info("channel {} entered the app again: its call exists, nothing to do", channelId);
            return Optional.empty();
        }
        events.publish(CallManagerEvents.CALL_CREATED, row.toCall());
        log.info("call {} created: incoming {} -> {} on channel {}", row.id(), source.target(), destination.target(),
                channelId);
        return Optional.of(row);
    }

    /** Ringing as seen on {@code asteriskId}, which an originated call learns here if it did not know it. */
    public Optional<CallRow> ringing(String channelId, String asteriskId) {
        return change(channelId, row -> learnAsterisk(row, asteriskId).ringing(clock.instant()),
                CallManagerEvents.CALL_RINGING);
    }

    /** Answered as seen on {@code asteriskId}, which an originated call learns here if it did not know it. */
    public Optional<CallRow> answered(String channelId, String asteriskId) {
        return change(channelId, row -> learnAsterisk(row, asteriskId).answered(clock.instant()),
                CallManagerEvents.CALL_ANSWERED);
    }

    private static CallRow learnAsterisk(CallRow row, String asteriskId) {
        return row.asteriskId() == null && asteriskId != null ? row.withAsterisk(asteriskId) : row;
    }

    /**
     * The channel is gone, found out later than it happened (reconciliation): hangup with the cause's
     * reason at {@code at}, the best time known for the end. The call's flow ends on the
     * {@code call_hungup} event, which flow-manager consumes; no stop request is needed on top.
     */
    public Optional<CallRow> hungUp(String channelId, int cause, Instant at) {
        return change(channelId, row -> row.hungUp(cause, at), CallManagerEvents.CALL_HUNGUP)
                .map(row -> logHungUp(row, cause));
    }

    private static CallRow logHungUp(CallRow row, int cause) {
        log.info("call {} hung up: by {} reason {} cause {} duration {} ms", row.id(), row.hangupBy(),
                row.hangupReason(), cause, row.durationMs());
        return row;
    }

    /**
     * The channel left the app or was destroyed: ends the channel row and, the first time only, hangs its
     * call up with {@code reportedCause}, else the far end's hangup request cause, else normal clearing.
     * Empty when the channel was already ended (or is unknown); otherwise the call as hung up, if it
     * was live.
     */
    public Optional<ChannelEnd> channelEnded(String channelId, Integer reportedCause) {
        return tx.execute(status -> calls.endChannel(channelId).map(ended -> new ChannelEnd(ended.call().flatMap(row -> {
            int cause = reportedCause != null ? reportedCause
                    : ended.requestedCause() != 0 ? ended.requestedCause() : HangupCauses.NORMAL_CLEARING;
            return apply(row, r -> r.hungUp(cause, clock.instant()), CallManagerEvents.CALL_HUNGUP)
                    .map(done -> logHungUp(done, cause));
        }))));
    }

    /** A channel's end, handled: {@code hungUp} is its call if this end hung it up. */
    public record ChannelEnd(Optional<CallRow> hungUp) {
    }

    /** Ended by call-manager without a channel to wait for (originate refused, channel already gone). */
    public Optional<CallRow> endLocally(UUID callId, HangupReason reason, String note) {
        return tx.execute(status -> calls.lock(callId).filter(CallRow::isLive).map(row -> {
            CallRow next = (row.status() == CallStatus.TERMINATING || row.status() == CallStatus.CANCELING
                    ? row : row.hangingUp(reason, note)).hungUp(0, clock.instant());
            calls.update(next);
            events.publish(CallManagerEvents.CALL_HUNGUP, next.toCall());
            return next;
        })).map(row -> {
            log.info("call {} ended locally: {} {}", row.id(), row.hangupReason(), note);
            return row;
        });
    }

    /** Bridge membership (null when the channel left its bridge): {@code call_updated}. */
    public Optional<CallRow> bridged(String channelId, String bridgeId) {
        return change(channelId, row -> row.withBridge(bridgeId), CallManagerEvents.CALL_UPDATED);
    }

    /** The first event of an originated channel tells which Asterisk it is on. */
    public void seenOn(String channelId, String asteriskId) {
        if (asteriskId != null) {
            calls.setAsteriskIfUnknown(channelId, asteriskId);
        }
    }

    /** Links the call to its activeflow ({@code null}: unlinks one that could not start); {@code call_updated}. */
    public Optional<CallRow> linkActiveflow(UUID callId, UUID activeflowId) {
        Optional<CallRow> next = calls.setActiveflow(callId, activeflowId);
        next.ifPresent(row -> events.publish(CallManagerEvents.CALL_UPDATED, row.toCall()));
        return next;
    }

    /**
     * A completed transfer moves the call on to another flow: the call runs {@code flowId} as
     * {@code activeflowId} from now on (its old flow's end no longer concerns it); {@code call_updated}.
     */
    public Optional<CallRow> moveOn(UUID callId, UUID flowId, UUID activeflowId) {
        Optional<CallRow> next = calls.setFlow(callId, flowId, activeflowId);
        next.ifPresent(row -> {
            events.publish(CallManagerEvents.CALL_UPDATED, row.toCall());
            log.info("call {} moves on to flow {} as activeflow {}", callId, flowId, activeflowId);
        });
        return next;
    }

    /**
     * Reads the call, applies the transition and writes it if nobody wrote the row meanwhile, else
     * starts over from the newer row: no lock and no transaction to commit, and still no change of one
     * call overwrites another.
     */
    private Optional<CallRow> change(String channelId, UnaryOperator<CallRow> transition, String eventType) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<CallRepository.Versioned> read = calls.readVersionedByChannel(channelId);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Optional<CallRow> next = next(read.get().row(), transition, eventType);
            if (next.isEmpty()) {
                return next;
            }
            if (calls.updateIfUnchanged(next.get(), read.get().version())) {
                events.publish(eventType, next.get().toCall());
                return next;
            }
        }
        throw new IllegalStateException("call on channel " + channelId + " changed under " + eventType + " "
                + MAX_ATTEMPTS + " times");
    }

    /** Inside the transaction that locked {@code row}: stores and announces the change, if it is one. */
    private Optional<CallRow> apply(CallRow row, UnaryOperator<CallRow> transition, String eventType) {
        Optional<CallRow> next = next(row, transition, eventType);
        next.ifPresent(changed -> {
            calls.update(changed);
            events.publish(eventType, changed.toCall());
        });
        return next;
    }

    /** The row after the transition; empty when the status does not allow it or nothing changes. */
    private static Optional<CallRow> next(CallRow row, UnaryOperator<CallRow> transition, String eventType) {
        CallRow next;
        try {
            next = transition.apply(row);
        } catch (IllegalCallTransition e) {
            log.debug("call {} on channel {}: {} ignored ({})", row.id(), row.channelId(), eventType, e.getMessage());
            return Optional.empty();
        }
        return next.equals(row) ? Optional.empty() : Optional.of(next);
    }
}
