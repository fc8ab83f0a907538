package net.voipbin.pipecatmanager.session;

import java.util.concurrent.CompletableFuture;

import net.voipbin.pipecatmanager.tool.ToolCall;
import net.voipbin.pipecatmanager.tool.ToolOutcome;

/**
 * What a live session asks of the service: lifecycle bookkeeping (database, events) and tool work.
 * Called from the session's event loop (ended: from any thread); implementations must not block it.
 */
interface SessionHooks {

    void running(PipecatSession session);

    void ended(PipecatSession session, String reason);

    /**
     * Asterisk connected but no caller audio in the session's format came within the audio timeout:
     * the channel could not join the call's bridge (a format Asterisk cannot translate). Fall back to
     * another format or end the session.
     */
    void noCallerAudio(PipecatSession session);

    /** A valid runner frame of an unknown type was skipped. */
    void runnerFrameSkipped(PipecatSession session);

    CompletableFuture<ToolOutcome> tool(PipecatSession session, ToolCall call);

    /** end_call after the queued audio played: hang the call up, publish, answer. */
    CompletableFuture<ToolOutcome> endCall(PipecatSession session, ToolCall call);
}
