package net.voipbin.pipecatmanager.session;

import net.voipbin.pipecatmanager.tool.ToolCall;
import net.voipbin.pipecatmanager.tool.ToolOutcome;

/**
 * One session's tool calls: exactly one outcome per {@code tool_call_id} (a repeat never runs again and
 * gets the first result), and end_call held until the audio queued toward the caller has played.
 * Single-threaded (the session's event loop).
 */
final class SessionTools {

    private final PipecatSession session;
    private final SessionHooks hooks;
    private final SessionMessages messages;
    private final ToolLedger ledger = new ToolLedger();
    private ToolCall pendingEndCall;
    private boolean hangupRequested;

    SessionTools(PipecatSession session, SessionHooks hooks, SessionMessages messages) {
        this.session = session;
        this.hooks = hooks;
        this.messages = messages;
    }

    void call(ToolCall call) {
        if (!ledger.claim(call.toolCallId())) {
            ledger.result(call.toolCallId()).ifPresent(session::sendMessage);
            return;
        }
        if ("end_call".equals(call.functionName())) {
            pendingEndCall = call;
            return;
        }
        hooks.tool(session, call).thenAccept(outcome -> session.onLoop(() -> answer(call, outcome)));
    }

    /** After each playout slot: once the queue ran dry, a pending end_call hangs up and ends the session. */
    void played(boolean queueEmpty) {
        if (pendingEndCall == null || !queueEmpty || hangupRequested) {
            return;
        }
        hangupRequested = true;
        ToolCall call = pendingEndCall;
        hooks.endCall(session, call).thenAccept(outcome -> session.onLoop(() -> {
            answer(call, outcome);
            session.end("end_call");
        }));
    }

    private void answer(ToolCall call, ToolOutcome outcome) {
        String result = messages.functionCallResult(call, outcome);
        ledger.record(call.toolCallId(), result);
        session.sendMessage(result);
    }
}
