package net.voipbin.callmanager.call;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.asterisk.BridgeMembers;
import net.voipbin.callmanager.config.CallManagerProperties;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.rpc.client.BrokerRetry;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** Reading calls and ending them from our side (flow, REST, timeouts). */
@Service
public class CallService {

    private static final Logger log = LoggerFactory.getLogger(CallService.class);

    private final CallRepository calls;
    private final CallLifecycle lifecycle;
    private final AriCommands ari;
    private final BridgeMembers members;
    private final EventPublisher events;

    /** Lazily: the holders (transfers) depend on this service themselves. */
    private final ObjectProvider<CallHolder> holders;
    private final Duration retryBudget;

    CallService(CallRepository calls, CallLifecycle lifecycle, AriCommands ari, BridgeMembers members,
            EventPublisher events, ObjectProvider<CallHolder> holders, CallManagerProperties properties) {
        this.retryBudget = properties.retryBudget();
        this.holders = holders;
        this.calls = calls;
        this.members = members;
        this.lifecycle = lifecycle;
        this.ari = ari;
        this.events = events;
    }

    public CallRow get(UUID id) {
        return calls.find(id).orElseThrow(() -> ApiException.notFound("call " + id));
    }

    /** Another customer's call is "not found", and so is an unrouted one (no customer's). */
    public CallRow get(UUID customerId, UUID id) {
        return calls.find(id).filter(c -> customerId.equals(c.customerId()))
                .orElseThrow(() -> ApiException.notFound("call " + id));
    }

    public Page<CallRow> list(UUID customerId, CallStatus status, PageQuery page) {
        return Page.of(calls.list(customerId, status, page), page.pageSize(), c -> new PageCursor(c.tmCreate(), c.id()));
    }

    /** A live call, for an operation on its channel; 409 once it is over. */
    public CallRow live(UUID id) {
        CallRow call = get(id);
        if (!call.isLive()) {
            throw ApiException.conflict("call_hungup", "call " + id + " is already hung up");
        }
        return call;
    }

    public CallRow hangup(UUID id, HangupReason reason, String note) {
        return hangup(id, reason, note, HangupCauses.ariReason(reason));
    }

    /**
     * Asks Asterisk to hang up (idempotent: an ended or ending call is returned as it is). The call is
     * hung up when the channel is destroyed; a channel Asterisk no longer has ends the call at once. The
     * request is sent again while the broker or asterisk-proxy is away, for up to the retry budget: the
     * call is marked terminating already, and nothing else would hang it up.
     */
    public CallRow hangup(UUID id, HangupReason reason, String note, String ariReason) {
        CallRow call = hangingUp(id, reason, note);
        if (!call.isLive()) {
            return call;
        }
        try {
            BrokerRetry.within(retryBudget, "hanging up call " + id,
                    () -> ari.hangup(call.asteriskId(), call.channelId(), ariReason));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            log.info("call {}: channel {} already gone, ending the call", id, call.channelId());
            return lifecycle.endLocally(id, reason, note).orElse(call);
        }
        return call;
    }

    /**
     * The call's flow has ended (its last action, {@code stop}, a guard or an error). A call still up and
     * not handed over is hung up, with the flow's end as the note; one in a bridge with another party
     * (connected to another call, transferred, with AI media), or in a transfer still dialing its target,
     * belongs to that bridge or transfer now and stays up, running no flow (its link cleared). An
     * end of a flow the call no longer runs, or of a call already ending, changes nothing.
     */
    public void flowEnded(UUID callId, UUID activeflowId, String error) {
        Optional<CallRow> found = calls.find(callId);
        if (found.isEmpty() || !activeflowId.equals(found.get().activeflowId())) {
            return;
        }
        CallRow call = found.get();
        if (!call.isLive() || call.status() == CallStatus.TERMINATING || call.status() == CallStatus.CANCELING) {
            return;
        }
        if (holders.stream().anyMatch(holder -> holder.holds(callId))) {
            log.info("call {}: its flow {} ended while another feature holds it (a transfer); it stays up", callId,
                    activeflowId);
            runsNoFlow(callId, activeflowId);
            return;
        }
        if (call.bridgeId() != null && members.othersThan(call.asteriskId(), call.bridgeId(), call.channelId())) {
            log.info("call {}: its flow {} ended while it is in bridge {} with another party; it stays up", callId,
                    activeflowId, call.bridgeId());
            runsNoFlow(callId, activeflowId);
            return;
        }
        log.info("call {}: its flow {} ended{}, hanging up", callId, activeflowId, error == null ? "" : ": " + error);
        hangup(callId, error == null ? HangupReason.NORMAL : HangupReason.FAILED,
                error == null ? "flow_ended" : "flow_failed");
    }

    /**
     * A call handed over whose flow has ended runs no flow any more: its link is cleared ({@code call_updated}),
     * so that when the party it was handed to leaves, it is hung up as a lone peer that runs no flow rather than
     * left alone in silence. Unless it names another activeflow by now (a completed transfer moved it on).
     */
    private void runsNoFlow(UUID callId, UUID activeflowId) {
        calls.unlinkActiveflow(callId, activeflowId)
                .ifPresent(row -> events.publish(CallManagerEvents.CALL_UPDATED, row.toCall()));
    }

    /** Marks the call as being hung up by us (written unless the row changed meanwhile, then read again). */
    private CallRow hangingUp(UUID id, HangupReason reason, String note) {
        for (int attempt = 1; attempt <= CallLifecycle.MAX_ATTEMPTS; attempt++) {
            CallRepository.Versioned read = calls.readVersioned(id).orElseThrow(() -> ApiException.notFound("call " + id));
            CallRow row = read.row();
            if (!row.isLive() || row.status() == CallStatus.TERMINATING || row.status() == CallStatus.CANCELING) {
                return row;
            }
            CallRow next = row.hangingUp(reason, note);
            if (calls.updateIfUnchanged(next, read.version())) {
                events.publish(CallManagerEvents.CALL_UPDATED, next.toCall());
                return next;
            }
        }
        throw new IllegalStateException("call " + id + " changed under hangup " + CallLifecycle.MAX_ATTEMPTS + " times");
    }
}
