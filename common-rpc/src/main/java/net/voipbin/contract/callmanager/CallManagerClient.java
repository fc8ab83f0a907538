package net.voipbin.contract.callmanager;

import java.util.List;
import java.util.UUID;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** Typed RPC client of call-manager, for the other services. */
public final class CallManagerClient {

    public static final String SERVICE = "call-manager";

    private final RpcClient rpc;
    private final String queue;

    public CallManagerClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(SERVICE);
    }

    public Call get(UUID callId) {
        return rpc.call(queue, "GET", "/v1/calls/" + callId, null, Call.class);
    }

    public List<Call> create(CallRequests.Create request) {
        return rpc.callForList(queue, "POST", "/v1/calls", request, Call.class);
    }

    public Call answer(UUID callId) {
        return operation(callId, "answer", null);
    }

    public Call hangup(UUID callId, Call.HangupReason reason) {
        return operation(callId, "hangup", new CallRequests.Hangup(reason));
    }

    /** Starts playback; completion comes as {@code call_operation_finished}. */
    public Call play(UUID callId, CallRequests.Play request) {
        return operation(callId, "play", request);
    }

    /** Starts text to speech; completion comes as {@code call_operation_finished}. */
    public Call talk(UUID callId, CallRequests.Talk request) {
        return operation(callId, "talk", request);
    }

    /** Starts collecting digits; the result comes as {@code call_operation_finished} with {@code digits}. */
    public Call digitsReceive(UUID callId, CallRequests.DigitsReceive request) {
        return operation(callId, "digits_receive", request);
    }

    public Call digitsSend(UUID callId, CallRequests.DigitsSend request) {
        return operation(callId, "digits_send", request);
    }

    public Call recordStart(UUID callId, CallRequests.RecordStart request) {
        return operation(callId, "record_start", request);
    }

    public Call recordStop(UUID callId) {
        return operation(callId, "record_stop", null);
    }

    public Call transfer(UUID callId, CallRequests.Transfer request) {
        return operation(callId, "transfer", request);
    }

    /** hold, unhold, mute or unmute (mute both directions). */
    public Call toggle(UUID callId, String feature) {
        return operation(callId, feature, java.util.Map.of());
    }

    /** {@code direction}: in (what the caller says), out (what the caller hears) or both. */
    public Call mute(UUID callId, String direction) {
        return operation(callId, "mute", java.util.Map.of("direction", direction));
    }

    /** The caller hears themselves for {@code durationMs} (1 ms to 1 h). */
    public Call echo(UUID callId, int durationMs) {
        return operation(callId, "echo", java.util.Map.of("duration_ms", durationMs));
    }

    /** The peer call joins the call's bridge (created with the call in it if it has none). */
    public Call bridge(UUID callId, UUID peerCallId) {
        return operation(callId, "bridge", java.util.Map.of("peer_call_id", peerCallId));
    }

    /** Music on hold from Asterisk's class {@code mohClass} (blank: the default class) until {@link #mohStop}. */
    public Call mohStart(UUID callId, String mohClass) {
        return operation(callId, "moh", mohClass == null ? java.util.Map.of() : java.util.Map.of("moh_class", mohClass));
    }

    public Call mohStop(UUID callId) {
        return rpc.call(queue, "DELETE", "/v1/calls/" + callId + "/moh", null, Call.class);
    }

    /** The call's prompts in flight (play, talk) stop at once, without {@code call_operation_finished}. */
    public Call mediaStop(UUID callId) {
        return operation(callId, "media_stop", null);
    }

    public Transfer getTransfer(UUID transferId) {
        return rpc.call(queue, "GET", "/v1/transfers/" + transferId, null, Transfer.class);
    }

    /** Attended transfer: connect transferee and target, drop the transferor. */
    public Transfer completeTransfer(UUID transferId) {
        return rpc.call(queue, "POST", "/v1/transfers/" + transferId + "/complete", null, Transfer.class);
    }

    public Transfer cancelTransfer(UUID transferId) {
        return rpc.call(queue, "POST", "/v1/transfers/" + transferId + "/cancel", null, Transfer.class);
    }

    public Confbridge createConfbridge(ConfbridgeRequests.Create request) {
        return rpc.call(queue, "POST", "/v1/confbridges", request, Confbridge.class);
    }

    public Confbridge getConfbridge(UUID confbridgeId) {
        return rpc.call(queue, "GET", "/v1/confbridges/" + confbridgeId, null, Confbridge.class);
    }

    /** Adds the call to the room; {@code confbridge_joined} follows when Asterisk has bridged it. */
    public Confbridge joinConfbridge(UUID confbridgeId, UUID callId) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + "/join",
                new ConfbridgeRequests.Member(callId), Confbridge.class);
    }

    public Confbridge kickConfbridge(UUID confbridgeId, UUID callId) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + "/kick",
                new ConfbridgeRequests.Member(callId), Confbridge.class);
    }

    public Confbridge deleteConfbridge(UUID confbridgeId) {
        return rpc.call(queue, "DELETE", "/v1/confbridges/" + confbridgeId, null, Confbridge.class);
    }

    private Call operation(UUID callId, String operation, Object body) {
        return rpc.call(queue, "POST", "/v1/calls/" + callId + "/" + operation, body, Call.class);
    }
}
