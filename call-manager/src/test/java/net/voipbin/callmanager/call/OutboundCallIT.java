package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.asterisksim.OriginateOutcome;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.Call.HangupBy;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.rpc.client.RpcErrorException;

class OutboundCallIT extends CallManagerITBase {

    private Call originate(String number, UUID flowId, Integer dialTimeoutMs) {
        List<Call> calls = client.create(new CallRequests.Create(customer, Address.tel("+15550100000"),
                List.of(Address.tel(number)), flowId, dialTimeoutMs));
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().status()).isIn(CallStatus.DIALING, CallStatus.RINGING);
        return calls.getFirst();
    }

    @Test
    void anAnsweredOriginateRingsThenProgressesAndRunsItsFlow() {
        UUID flow = UUID.randomUUID();
        Call call = originate("+15550101001", flow, null);

        CallRow answered = awaitStatus(call.id(), CallStatus.PROGRESSING);
        assertThat(answered.tmRinging()).isNotNull();
        assertThat(answered.asteriskId()).isEqualTo(net.voipbin.callmanager.support.AsteriskEdge.ASTERISK_ID);
        await().atMost(WAIT).until(() -> flows.startedFor(call.id()));
        await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_ANSWERED, call.id()).size() == 1);
        await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_RINGING, call.id()).size() == 1);
        var originate = simRequests().stream().filter(r -> r.path().equals("/ari/channels")
                && call.channelId().equals(r.param("channelId").orElse(""))).findFirst().orElseThrow();
        assertThat(originate.param("endpoint")).contains("PJSIP/+15550101001@trunk");
        assertThat(originate.param("app")).contains("voipbin");
    }

    @Test
    void aCallIdChosenByTheCallerMakesOneCallHoweverOftenItIsAskedFor() {
        UUID id = UUID.randomUUID();
        CallRequests.Create request = new CallRequests.Create(customer, Address.tel("+15550100000"),
                List.of(Address.tel("+15550101009")), null, null, id);

        Call first = client.create(request).getFirst();
        // The answer was lost (a timeout): the dialer asks again with the same id.
        Call again = client.create(request).getFirst();

        assertThat(first.id()).isEqualTo(id);
        assertThat(again.id()).isEqualTo(id);
        assertThat(simRequests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/ari/channels")
                && id.toString().equals(r.param("channelId").orElse("")))).as("originates of call %s", id).hasSize(1);
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> client.create(new CallRequests.Create(stranger, Address.tel("+15550100000"),
                List.of(Address.tel("+15550101009")), null, null, id)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo("call_exists"));
        assertThatThrownBy(() -> client.create(new CallRequests.Create(customer, Address.tel("+15550100000"),
                List.of(Address.tel("+15550101010"), Address.tel("+15550101011")), null, null, UUID.randomUUID())))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.field()).isEqualTo("call_id"));
    }

    @Test
    void aBusyTargetEndsTheCallAsBusy() {
        // Busy after 20 simulated seconds (200 ms): not before the create request has been answered.
        SIM.planOriginate("+15550101002", OriginateOutcome.BUSY, Duration.ofSeconds(20));
        Call call = originate("+15550101002", null, null);

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.BUSY);
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.REMOTE);
        assertThat(ended.durationMs()).isZero();
    }

    @Test
    void anUnansweredTargetEndsTheCallAsNoanswer() {
        SIM.planOriginate("+15550101003", OriginateOutcome.NO_ANSWER, Duration.ofSeconds(20));
        Call call = originate("+15550101003", null, null);

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.NOANSWER);
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.REMOTE);
    }

    @Test
    void ourDialTimeoutCancelsTheRingingCallAsDialout() {
        // The far end would answer after 1000 simulated seconds (10 s here); the dial timeout is 1 s.
        SIM.planOriginate("+15550101004", OriginateOutcome.ANSWERED, Duration.ofSeconds(1000));
        Call call = originate("+15550101004", null, 1000);

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.DIALOUT);
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.LOCAL);
        assertThat(requestsFor(call.channelId())).contains("DELETE /ari/channels/{ch}");
    }

    @Test
    void anOverdueCallWhoseTimerWasLostIsStillHungUpAsDialout() {
        // As after a restart: the row says dialing, its deadline passed, no timer is running for it.
        UUID id = UUID.randomUUID();
        var now = java.time.Instant.now();
        callRows.insert(new CallRow(id, customer, net.voipbin.callmanager.support.AsteriskEdge.ASTERISK_ID,
                "lost-" + id, null, null, null, Call.Direction.OUTGOING, Address.tel("+15550100000"),
                Address.tel("+15550101005"), CallStatus.DIALING, null, null, null, now.minusSeconds(60), null, null,
                null, 0, now.minusSeconds(30)));

        CallRow ended = awaitStatus(id, CallStatus.HANGUP);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.DIALOUT);
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.LOCAL);
    }
}
