package net.voipbin.flowmanager.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ExternalOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.Wait;

/**
 * Dials every destination (call-manager ends the unanswered ones at the ring timeout), bridges the first
 * that answers with the caller and hangs up the rest, then waits until that peer hangs up. If every
 * destination hangs up unanswered, the flow goes on with the next action.
 */
@Component
class ConnectExecutor implements ActionExecutor {

    private static final Logger log = LoggerFactory.getLogger(ConnectExecutor.class);

    private final CallCommands calls;

    ConnectExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.CONNECT;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.Connect option = context.option(ExternalOptions.Connect.class);
        UUID caller = CallOf.require(context);
        int ringTimeout = option.ringTimeoutMs() == null ? 30_000 : option.ringTimeoutMs();
        List<UUID> dialed = calls.dial(new CallRequests.Create(context.customerId(), option.source(),
                option.destinations(), null, ringTimeout));
        return dialed.isEmpty() ? Outcome.NEXT : Outcome.await(dialing(dialed));
    }

    @Override
    public Outcome resume(ActionContext context, Signal signal) {
        Wait wait = context.currentWait();
        if (wait.kind() == Wait.Kind.PEER) {
            return Outcome.NEXT;
        }
        List<UUID> ringing = ringing(wait);
        return switch (signal) {
            case Signal.CallAnswered answered -> bridge(CallOf.require(context), answered.callId(), ringing);
            case Signal.CallHungup hungup -> {
                ringing.remove(hungup.callId());
                yield ringing.isEmpty() ? Outcome.NEXT : Outcome.await(dialing(ringing));
            }
            default -> Outcome.await(wait);
        };
    }

    private Outcome bridge(UUID caller, UUID peer, List<UUID> ringing) {
        calls.bridge(caller, peer);
        for (UUID other : ringing) {
            if (!other.equals(peer)) {
                hangupQuietly(other);
            }
        }
        return Outcome.await(new Wait(Wait.Kind.PEER, List.of(Signal.hangupKey(peer)), null));
    }

    private void hangupQuietly(UUID callId) {
        try {
            calls.hangup(callId, Call.HangupReason.CANCEL);
        } catch (RuntimeException e) {
            log.debug("connect: could not cancel call {}: {}", callId, e.getMessage());
        }
    }

    private static Wait dialing(List<UUID> calls) {
        List<String> keys = new ArrayList<>();
        for (UUID call : calls) {
            keys.add(Signal.answerKey(call));
            keys.add(Signal.hangupKey(call));
        }
        return new Wait(Wait.Kind.DIAL, keys, null);
    }

    private static List<UUID> ringing(Wait wait) {
        List<UUID> calls = new ArrayList<>();
        for (String key : wait.keys()) {
            if (key.startsWith("answer:")) {
                calls.add(UUID.fromString(key.substring("answer:".length())));
            }
        }
        return calls;
    }
}
