package net.voipbin.pipecatmanager.session;

import java.util.concurrent.CompletableFuture;

import net.voipbin.pipecatmanager.tool.ToolCall;
import net.voipbin.pipecatmanager.tool.ToolOutcome;

/**
 * What a live session asks of the service: lifecycle bookkeeping (database, events) and tool work.
 * Called from the session's event loop; implementations must not block it.
 */
interface SessionHooks {

    void running(PipecatSession session);

    void ended(PipecatSession session, String reason);

    CompletableFuture<ToolOutcome> tool(PipecatSession session, ToolCall call);

    /** end_call after the queued audio played: hang the call up, publish, answer. */
    CompletableFuture<ToolOutcome> endCall(PipecatSession session, ToolCall call);
}
