package net.voipbin.queuemanager.queuecall;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerClient;

/** The remote actions {@link Effects} run after a commit, as values. */
@Component
class CallActions {

    private final CallManagerClient calls;
    private final AgentManagerClient agents;

    CallActions(CallManagerClient calls, AgentManagerClient agents) {
        this.calls = calls;
        this.agents = agents;
    }

    Runnable hangup(UUID callId) {
        return () -> calls.hangup(callId, Call.HangupReason.NORMAL);
    }

    /** The reservation's agents still ringing go back to available (no miss counted). */
    Runnable release(UUID customerId, UUID reservationId) {
        return () -> agents.release(customerId, reservationId);
    }

    /** The agent's call joins the caller's bridge: only now do they hear each other. */
    Runnable bridge(UUID callerCallId, UUID agentCallId) {
        return () -> calls.bridge(callerCallId, agentCallId);
    }
}
