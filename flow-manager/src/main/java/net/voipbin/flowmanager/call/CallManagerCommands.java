package net.voipbin.flowmanager.call;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.flowmanager.engine.EngineProperties;
import net.voipbin.rpc.client.BrokerRetry;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/**
 * {@link CallCommands} over call-manager's typed client. Answer and hangup are sent again while the broker
 * or call-manager is away (a restart), within the retry budget: both may be sent twice. The media commands
 * are not (a play could be heard twice); one that fails ends the flow, and call-manager hangs the call up.
 */
@Component
class CallManagerCommands implements CallCommands {

    private final CallManagerClient client;
    private final Duration retryBudget;

    CallManagerCommands(RpcClient rpc, Topology topology, EngineProperties properties) {
        this.client = new CallManagerClient(rpc, topology);
        this.retryBudget = properties.retryBudget();
    }

    @Override
    public CallStatus answer(UUID callId) {
        return BrokerRetry.within(retryBudget, "answering call " + callId, () -> client.answer(callId).status());
    }

    @Override
    public void play(UUID callId, CallRequests.Play request) {
        client.play(callId, request);
    }

    @Override
    public void talk(UUID callId, CallRequests.Talk request) {
        client.talk(callId, request);
    }

    @Override
    public void digitsReceive(UUID callId, CallRequests.DigitsReceive request) {
        client.digitsReceive(callId, request);
    }

    @Override
    public void digitsSend(UUID callId, CallRequests.DigitsSend request) {
        client.digitsSend(callId, request);
    }

    @Override
    public void hangup(UUID callId, Call.HangupReason reason) {
        BrokerRetry.within(retryBudget, "hanging up call " + callId, () -> client.hangup(callId, reason));
    }

    @Override
    public void recordStart(UUID callId, CallRequests.RecordStart request) {
        client.recordStart(callId, request);
    }

    @Override
    public void recordStop(UUID callId) {
        client.recordStop(callId);
    }

    @Override
    public void transfer(UUID callId, CallRequests.Transfer request) {
        client.transfer(callId, request);
    }

    @Override
    public List<UUID> dial(CallRequests.Create request) {
        return client.create(request).stream().map(Call::id).toList();
    }

    @Override
    public void bridge(UUID callId, UUID peerCallId) {
        client.bridge(callId, peerCallId);
    }

    @Override
    public void mute(UUID callId, String direction) {
        client.mute(callId, direction);
    }

    @Override
    public void echo(UUID callId, int durationMs) {
        client.echo(callId, durationMs);
    }
}
