package net.voipbin.pipecatmanager.tool;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import net.voipbin.contract.callmanager.CallHangupRequest;
import net.voipbin.contract.callmanager.CallMediaClient;
import net.voipbin.contract.callmanager.CallTransferCreate;
import net.voipbin.contract.pipecatmanager.PipecatcallCreate.ToolEndpoint;
import net.voipbin.rpc.envelope.RpcResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a tool call to its one outcome: transfer_call and end_call's hangup go to call-manager; the
 * customer-side tools go to the session's tool endpoint. Never throws and never hangs: every failure
 * and the deadline become an error outcome.
 */
public final class ToolDispatcher {

    public static final Set<String> ENDPOINT_TOOLS = Set.of("send_sms", "create_ticket", "lookup_customer",
            "schedule_callback");

    private final CallMediaClient calls;
    private final ToolEndpointClient endpoints;
    private final JsonMapper json;
    private final ExecutorService executor;
    private final Duration timeout;

    public ToolDispatcher(CallMediaClient calls, ToolEndpointClient endpoints, JsonMapper json,
            ExecutorService executor, Duration timeout) {
        this.calls = calls;
        this.endpoints = endpoints;
        this.json = json;
        this.executor = executor;
        this.timeout = timeout;
    }

    public CompletableFuture<ToolOutcome> execute(UUID pipecatcallId, UUID callId, ToolEndpoint endpoint, ToolCall call) {
        String name = call.functionName() == null ? "" : call.functionName();
        CompletableFuture<ToolOutcome> outcome;
        if (name.equals("transfer_call")) {
            outcome = transfer(callId, call);
        } else if (ENDPOINT_TOOLS.contains(name)) {
            outcome = endpoint == null
                    ? CompletableFuture.completedFuture(ToolOutcome.error("no_tool_endpoint",
                            "this AI session has no tool endpoint for " + name))
                    : CompletableFuture.supplyAsync(() -> endpoints.post(endpoint, body(pipecatcallId, callId, call)), executor);
        } else {
            outcome = CompletableFuture.completedFuture(ToolOutcome.error("unknown_function", "no tool named " + name));
        }
        return guard(outcome);
    }

    /** end_call's effect, once the queued audio has played: call-manager hangs the call up. */
    public CompletableFuture<ToolOutcome> hangup(UUID callId) {
        return guard(calls.hangup(callId, new CallHangupRequest("normal"), timeout)
                .thenApply(response -> fromRpc(response, "hungup")));
    }

    private CompletableFuture<ToolOutcome> transfer(UUID callId, ToolCall call) {
        String destination = call.arguments() == null ? "" : call.arguments().path("destination").asString("");
        if (destination.isBlank()) {
            return CompletableFuture.completedFuture(ToolOutcome.error("invalid_arguments", "destination is required"));
        }
        String type = call.arguments().path("type").asString("blind");
        return calls.transfer(callId, new CallTransferCreate(type, destination), timeout)
                .thenApply(response -> fromRpc(response, "transferring"));
    }

    private ToolOutcome fromRpc(RpcResponse response, String status) {
        if (response.isError()) {
            String code = response.data() == null ? "error" : response.data().path("error").asString("error");
            String message = response.data() == null ? "" : response.data().path("message").asString("");
            return ToolOutcome.error(code, "call-manager answered " + response.statusCode() + ": " + message);
        }
        return ToolOutcome.ok("status", status);
    }

    private ObjectNode body(UUID pipecatcallId, UUID callId, ToolCall call) {
        ObjectNode body = json.createObjectNode();
        body.put("pipecatcall_id", pipecatcallId.toString());
        body.put("call_id", callId.toString());
        body.put("tool_call_id", call.toolCallId());
        body.put("function_name", call.functionName());
        body.set("arguments", call.arguments() == null ? json.createObjectNode() : call.arguments());
        return body;
    }

    private CompletableFuture<ToolOutcome> guard(CompletableFuture<ToolOutcome> outcome) {
        return outcome
                .orTimeout(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
                .exceptionally(failure -> ToolOutcome.error("tool_failed", describe(failure)));
    }

    /** The runner and the customer read this: what went wrong, never an exception's class name. */
    private String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return "no outcome within " + (timeout.toMillis() + 500) + " ms";
        }
        return t.getMessage() == null ? "failed" : t.getMessage();
    }
}
