package net.voipbin.callmanager.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import net.voipbin.asterisksim.HeldEvents;
import net.voipbin.asterisksim.HeldRequest;
import net.voipbin.asterisksim.OriginateOutcome;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.callmanager.Confbridge;
import net.voipbin.contract.callmanager.ConfbridgeRequests;
import net.voipbin.contract.callmanager.Transfer;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/** Transfers checked against the simulator's bridges: who is really connected with whom. */
class TransferIT extends CallManagerITBase {

    /** A caller (the transferee) talking with an agent call (the transferor) in one bridge. */
    private record Pair(CallRow caller, CallRow agent, String bridgeId) {
    }

    private Pair callerWithAgent() {
        return callerWithAgent(null);
    }

    /** The agent's call runs {@code agentFlow} when not null. */
    private Pair callerWithAgent(UUID agentFlow) {
        CallRow caller = answeredInbound();
        Call agent = client.create(new CallRequests.Create(customer, Address.tel("+15550100000"),
                List.of(Address.tel("+15550200" + (100 + (int) (Math.random() * 899)))), agentFlow, null)).getFirst();
        awaitStatus(agent.id(), CallStatus.PROGRESSING);
        if (agentFlow != null) {
            await().atMost(WAIT).until(() -> callRows.find(agent.id()).orElseThrow().activeflowId() != null);
        }
        Confbridge room = rpc.call(topology.requestQueue("call-manager"), "POST", "/v1/confbridges",
                new ConfbridgeRequests.Create(customer, Confbridge.Type.CONNECT), Confbridge.class);
        for (UUID id : List.of(caller.id(), agent.id())) {
            rpc.call(topology.requestQueue("call-manager"), "POST", "/v1/confbridges/" + room.id() + "/join",
                    new ConfbridgeRequests.Member(id), Confbridge.class);
        }
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(room.bridgeId()).size() == 2);
        await().atMost(WAIT).until(() -> callRows.find(agent.id()).orElseThrow().bridgeId() != null);
        return new Pair(callRows.find(caller.id()).orElseThrow(), callRows.find(agent.id()).orElseThrow(),
                room.bridgeId());
    }

    private Transfer transfer(CallRow transferee, String type, String target) {
        JsonNode body = read(Http.post(api("/calls/" + transferee.id() + "/transfer"), token,
                "{\"type\":\"" + type + "\",\"destination\":{\"type\":\"tel\",\"target\":\"" + target + "\"}}"), 201);
        return json.treeToValue(body, Transfer.class);
    }

    private Transfer awaitTransfer(UUID id, Transfer.Status status) {
        return await().atMost(WAIT).until(() -> json.treeToValue(read(Http.get(api("/transfers/" + id), token), 200),
                Transfer.class), t -> t.status() == status);
    }

    @Test
    void blindTransferConnectsTheCallerWithTheTargetAndDropsTheAgent() {
        Pair pair = callerWithAgent();
        Transfer transfer = transfer(pair.caller(), "blind", "+15550301001");

        Transfer done = awaitTransfer(transfer.id(), Transfer.Status.COMPLETED);
        CallRow target = callRows.find(done.targetCallId()).orElseThrow();
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(pair.bridgeId()),
                ids -> ids.size() == 2 && ids.containsAll(List.of(pair.caller().channelId(), target.channelId())));
        awaitStatus(pair.agent().id(), CallStatus.HANGUP);
        assertThat(callRows.find(pair.caller().id()).orElseThrow().status()).isEqualTo(CallStatus.PROGRESSING);
        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.TRANSFER_CREATED, "id", transfer.id()).size() == 1);
        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.TRANSFER_COMPLETED, "id", transfer.id()).size() == 1);

        // The caller hangs up: the target leg, which runs no flow, is not left talking to nobody.
        SIM.hangupFromCaller(pair.caller().channelId());
        CallRow targetEnded = awaitStatus(target.id(), CallStatus.HANGUP);
        assertThat(targetEnded.hangupNote()).isEqualTo("peer_hungup");
    }

    /**
     * A blind transfer to {@code target}, whose leg answers after 2 s here (time enough to set the hold up before it
     * can enter a bridge). call-manager's view of the leg entering a bridge (its ChannelEnteredBridge and everything
     * after) is held at the simulator, as when the leg's ARI lane is still busy completing the transfer, while
     * Asterisk has it in the caller's bridge.
     */
    private HeldTransfer blindWithTheTargetsEntryHeld(CallRow caller, String target) {
        SIM.planOriginate(target, OriginateOutcome.ANSWERED, Duration.ofSeconds(200));
        Transfer transfer = transfer(caller, "blind", target);
        return new HeldTransfer(transfer, SIM.holdEventsOf(transfer.targetCallId().toString(), "ChannelEnteredBridge"));
    }

    private record HeldTransfer(Transfer transfer, HeldEvents targetEntry) {
    }

    @Test
    void anAgentDroppedBeforeTheTargetsEntryIsHandledLeavesTheCallerTalkingWithTheTarget() {
        Pair pair = callerWithAgent();
        HeldEvents agentLeaving = SIM.holdEventsOf(pair.agent().channelId(), "ChannelHangupRequest");
        HeldTransfer held = blindWithTheTargetsEntryHeld(pair.caller(), "+15550301011");
        try {
            await().atMost(WAIT).until(() -> events.of(CallManagerEvents.TRANSFER_COMPLETED, "id",
                    held.transfer().id()).size() == 1);
            assertThat(held.targetEntry().arrived()).isTrue();
            // The agent's leave is handled after the completion ended the flow's control of the caller, and before
            // the target's entry: the caller must not count as alone in its bridge, and be hung up as a lone peer.
            agentLeaving.release();
            awaitStatus(pair.agent().id(), CallStatus.HANGUP);
        } finally {
            agentLeaving.release();
            held.targetEntry().release();
        }

        String target = held.transfer().targetCallId().toString();
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(pair.bridgeId()),
                ids -> ids.size() == 2 && ids.containsAll(List.of(pair.caller().channelId(), target)));
        await().during(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> callRows.find(pair.caller().id()).orElseThrow().status() == CallStatus.PROGRESSING);
        assertThat(SIM.hears(pair.caller().channelId())).containsExactly(target);

        // The target hangs up: the caller, running no flow, is not left in silence.
        SIM.hangupFromCaller(target);
        CallRow callerEnded = awaitStatus(pair.caller().id(), CallStatus.HANGUP);
        assertThat(callerEnded.hangupNote()).isEqualTo("peer_hungup");
        await().atMost(WAIT).until(() -> SIM.channelIds().stream()
                .noneMatch(List.of(pair.caller().channelId(), pair.agent().channelId(), target)::contains));
    }

    @Test
    void aCallerWhoHangsUpBeforeTheTargetsEntryIsHandledDoesNotLeaveTheTargetOnTheLine() {
        // No transferor: the transfer makes a bridge and puts the caller, then the target, in it.
        CallRow caller = answeredInbound();
        HeldTransfer held = blindWithTheTargetsEntryHeld(caller, "+15550301012");
        String bridge;
        try {
            bridge = await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().bridgeId(),
                    id -> id != null && proxy.bridgeChannels(id).size() == 2);
            await().atMost(WAIT).until(() -> events.of(CallManagerEvents.TRANSFER_COMPLETED, "id",
                    held.transfer().id()).size() == 1);
            SIM.hangupFromCaller(caller.channelId());
            awaitStatus(caller.id(), CallStatus.HANGUP);
        } finally {
            held.targetEntry().release();
        }

        CallRow targetEnded = awaitStatus(held.transfer().targetCallId(), CallStatus.HANGUP);
        assertThat(targetEnded.hangupNote()).isEqualTo("peer_hungup");
        await().atMost(WAIT).until(() -> !SIM.channelIds().contains(targetEnded.channelId()));
        await().atMost(WAIT).until(() -> !proxy.bridgeExists(bridge));
        assertThat(simRequests()).filteredOn(r -> r.method().equals("DELETE") && r.path().endsWith("/bridges/" + bridge))
                .hasSize(1);
    }

    /** flow-manager's {@code activeflow_deleted}: the call's flow ended (here while it talks with the agent). */
    private void flowEnded(CallRow call) {
        JsonNode activeflow = json.createObjectNode().put("id", call.activeflowId().toString())
                .put("customer_id", customer.toString()).put("reference_type", "call")
                .put("reference_id", call.id().toString()).put("status", "ended");
        Event event = new Event(FlowManagerEvents.ACTIVEFLOW_DELETED, FlowManagerEvents.PUBLISHER, Instant.now(),
                activeflow);
        new RabbitTemplate(connectionFactory).send(topology.eventExchange(), event.routingKey(),
                new Message(json.writeValueAsBytes(event)));
    }

    @Test
    void aCallerWithoutAFlowIsBackWithTheAgentWhenTheTargetHangsUpDuringTheConsultEvenIfTheAgentsReturnIsSeenLate() {
        Pair pair = callerWithAgent();
        // The caller's flow handed it to the agent and ended: it stays up, running no flow of its own.
        flowEnded(pair.caller());
        await().atMost(WAIT).until(() -> callRows.find(pair.caller().id()).orElseThrow().activeflowId() == null);
        Transfer transfer = transfer(pair.caller(), "attended", "+15550301013");
        CallRow target = callRows.find(awaitTransfer(transfer.id(), Transfer.Status.CONSULTING).targetCallId())
                .orElseThrow();
        await().atMost(WAIT).until(() -> callRows.find(pair.agent().id()).orElseThrow().bridgeId(),
                bridge -> bridge != null && !bridge.equals(pair.bridgeId()));
        // The agent's return to the caller's bridge reaches call-manager late.
        HeldEvents agentBack = SIM.holdEventsOf(pair.agent().channelId(), "ChannelEnteredBridge");
        try {
            SIM.hangupFromCaller(target.channelId());
            awaitTransfer(transfer.id(), Transfer.Status.FAILED);
            await().atMost(WAIT).until(agentBack::arrived);
            // The failed transfer hangs up a transferee that talks with nobody; this one talks with the agent again.
            await().during(Duration.ofSeconds(1)).atMost(WAIT)
                    .until(() -> callRows.find(pair.caller().id()).orElseThrow().status() == CallStatus.PROGRESSING);
        } finally {
            agentBack.release();
        }

        await().atMost(WAIT).until(() -> proxy.bridgeChannels(pair.bridgeId()),
                ids -> ids.size() == 2 && ids.containsAll(List.of(pair.caller().channelId(), pair.agent().channelId())));
        assertThat(SIM.hears(pair.caller().channelId())).containsExactly(pair.agent().channelId());
        assertThat(callRows.find(pair.caller().id()).orElseThrow().status()).isEqualTo(CallStatus.PROGRESSING);
        assertThat(requestsFor(pair.caller().channelId())).doesNotContain("DELETE /ari/channels/{ch}");
    }

    @Test
    void attendedTransferConsultsTheTargetThenCompletes() {
        Pair pair = callerWithAgent();
        Transfer transfer = transfer(pair.caller(), "attended", "+15550301002");

        Transfer consulting = awaitTransfer(transfer.id(), Transfer.Status.CONSULTING);
        CallRow target = callRows.find(consulting.targetCallId()).orElseThrow();
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(pair.bridgeId()), ids -> ids.equals(List.of(pair.caller().channelId())));
        // On hold, and hearing music rather than silence while the agent consults the target.
        assertThat(requestsFor(pair.caller().channelId())).contains("POST /ari/channels/{ch}/hold",
                "POST /ari/channels/{ch}/moh");

        read(Http.post(api("/transfers/" + transfer.id() + "/complete"), token, "{}"), 200);

        await().atMost(WAIT).until(() -> proxy.bridgeChannels(pair.bridgeId()),
                ids -> ids.size() == 2 && ids.containsAll(List.of(pair.caller().channelId(), target.channelId())));
        awaitStatus(pair.agent().id(), CallStatus.HANGUP);
        assertThat(requestsFor(pair.caller().channelId())).contains("DELETE /ari/channels/{ch}/moh",
                "DELETE /ari/channels/{ch}/hold");
        awaitTransfer(transfer.id(), Transfer.Status.COMPLETED);
    }

    @Test
    void aTargetWhoHangsUpDuringTheConsultLeavesTheAgentUpAndBackWithTheCaller() {
        // The agent runs no flow: a party left alone in a bridge without one is hung up, but not the agent whose
        // consult ended; the transfer fails and puts the agent back with the caller.
        Pair pair = callerWithAgent();
        Transfer transfer = transfer(pair.caller(), "attended", "+15550301007");
        Transfer consulting = awaitTransfer(transfer.id(), Transfer.Status.CONSULTING);
        CallRow target = callRows.find(consulting.targetCallId()).orElseThrow();

        SIM.hangupFromCaller(target.channelId());

        Transfer failed = awaitTransfer(transfer.id(), Transfer.Status.FAILED);
        assertThat(failed.reason()).isEqualTo("target_normal");
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(pair.bridgeId()),
                ids -> ids.size() == 2 && ids.containsAll(List.of(pair.caller().channelId(), pair.agent().channelId())));
        await().during(Duration.ofSeconds(1)).atMost(WAIT)
                .until(() -> callRows.find(pair.agent().id()).orElseThrow().status() == CallStatus.PROGRESSING);
        assertThat(requestsFor(pair.agent().channelId())).doesNotContain("DELETE /ari/channels/{ch}");
    }

    @Test
    void attendedTransferToATargetThatDoesNotAnswerLeavesTheCallerWithTheAgent() {
        SIM.planOriginate("+15550301003", OriginateOutcome.NO_ANSWER, Duration.ofMillis(200));
        Pair pair = callerWithAgent();
        Transfer transfer = transfer(pair.caller(), "attended", "+15550301003");

        Transfer failed = awaitTransfer(transfer.id(), Transfer.Status.FAILED);
        assertThat(failed.reason()).isEqualTo("target_noanswer");
        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.TRANSFER_FAILED, "id", transfer.id()).size() == 1);
        assertThat(proxy.bridgeChannels(pair.bridgeId()))
                .containsExactlyInAnyOrder(pair.caller().channelId(), pair.agent().channelId());
        assertThat(requestsFor(pair.caller().channelId())).contains("DELETE /ari/channels/{ch}/hold");
        assertThat(callRows.find(pair.agent().id()).orElseThrow().status()).isEqualTo(CallStatus.PROGRESSING);
    }

    @Test
    void aCanceledAttendedTransferHangsUpTheTargetAndReunitesCallerAndAgent() {
        Pair pair = callerWithAgent();
        Transfer transfer = transfer(pair.caller(), "attended", "+15550301004");
        Transfer consulting = awaitTransfer(transfer.id(), Transfer.Status.CONSULTING);

        Transfer canceled = client.cancelTransfer(transfer.id());

        assertThat(canceled.status()).isEqualTo(Transfer.Status.CANCELED);
        awaitStatus(consulting.targetCallId(), CallStatus.HANGUP);
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(pair.bridgeId()),
                ids -> ids.size() == 2 && ids.containsAll(List.of(pair.caller().channelId(), pair.agent().channelId())));
        assertThat(requestsFor(pair.caller().channelId())).contains("DELETE /ari/channels/{ch}/hold");
        assertThat(client.getTransfer(transfer.id()).status()).isEqualTo(Transfer.Status.CANCELED);
    }
    /**
     * The completion's step that joins the target to the caller is held at Asterisk while {@code party}
     * hangs up and call-manager has handled that hangup; then Asterisk goes on. Returns the transfer as
     * the complete request answered it.
     */
    private Transfer completeWhileHangingUp(Pair pair, Transfer consulting, CallRow party) {
        HeldRequest held = SIM.holdNext("POST", "/bridges/" + pair.bridgeId() + "/addChannel");
        CompletableFuture<Transfer> completing = CompletableFuture.supplyAsync(
                () -> client.completeTransfer(consulting.id()));
        try {
            await().atMost(WAIT).until(held::arrived);
            SIM.hangupFromCaller(party.channelId());
            awaitStatus(party.id(), CallStatus.HANGUP);
        } finally {
            held.release();
        }
        return completing.join();
    }

    private void awaitOneTerminalEvent(UUID transferId, String type) {
        await().atMost(WAIT).until(() -> events.of(type, "id", transferId).size() == 1);
        assertThat(events.of(CallManagerEvents.TRANSFER_COMPLETED, "id", transferId).size()
                + events.of(CallManagerEvents.TRANSFER_FAILED, "id", transferId).size()).isEqualTo(1);
    }

    @Test
    void aCallerWhoHangsUpWhileTheTransferCompletesFailsItAndTheTargetIsNotLeftOnTheLine() {
        Pair pair = callerWithAgent();
        Transfer transfer = transfer(pair.caller(), "attended", "+15550301005");
        Transfer consulting = awaitTransfer(transfer.id(), Transfer.Status.CONSULTING);
        CallRow target = callRows.find(consulting.targetCallId()).orElseThrow();

        Transfer answered = completeWhileHangingUp(pair, consulting, pair.caller());

        assertThat(answered.status()).isEqualTo(Transfer.Status.FAILED);
        assertThat(answered.reason()).isEqualTo("transferee_hungup");
        assertThat(client.getTransfer(transfer.id()).status()).isEqualTo(Transfer.Status.FAILED);
        awaitOneTerminalEvent(transfer.id(), CallManagerEvents.TRANSFER_FAILED);
        // The target does not sit in a bridge with nobody: its leg is hung up at Asterisk.
        CallRow targetEnded = awaitStatus(target.id(), CallStatus.HANGUP);
        assertThat(targetEnded.hangupNote()).isEqualTo("transferee_hungup");
        await().atMost(WAIT).until(() -> !SIM.channelIds().contains(target.channelId()));
    }

    @Test
    void aCallerWhoHangsUpWhileABlindTransferConnectsFailsItAndTheTargetIsHungUp() {
        Pair pair = callerWithAgent();
        // The target answers and is joined to the caller's bridge: that step waits while the caller hangs up.
        HeldRequest held = SIM.holdNext("POST", "/bridges/" + pair.bridgeId() + "/addChannel");
        Transfer transfer;
        try {
            transfer = transfer(pair.caller(), "blind", "+15550301007");
            await().atMost(WAIT).until(held::arrived);
            SIM.hangupFromCaller(pair.caller().channelId());
            awaitStatus(pair.caller().id(), CallStatus.HANGUP);
        } finally {
            held.release();
        }

        Transfer failed = awaitTransfer(transfer.id(), Transfer.Status.FAILED);
        assertThat(failed.reason()).isEqualTo("transferee_hungup");
        awaitOneTerminalEvent(transfer.id(), CallManagerEvents.TRANSFER_FAILED);
        CallRow targetEnded = awaitStatus(failed.targetCallId(), CallStatus.HANGUP);
        assertThat(targetEnded.hangupNote()).isEqualTo("transferee_hungup");
        await().atMost(WAIT).until(() -> !SIM.channelIds().contains(targetEnded.channelId()));
    }

    @Test
    void aCallerWhoseHangupReachesCallManagerLateWhileABlindTransferConnectsStillFailsIt() {
        // As when the caller's channel shares its ARI lane with the target's, which is busy completing the transfer:
        // the caller's call row does not know of the hangup when the completion looks, Asterisk does.
        Pair pair = callerWithAgent();
        HeldEvents callerHangup = SIM.holdEventsOf(pair.caller().channelId(), "ChannelHangupRequest");
        HeldRequest join = SIM.holdNext("POST", "/bridges/" + pair.bridgeId() + "/addChannel");
        Transfer transfer;
        try {
            transfer = transfer(pair.caller(), "blind", "+15550301014");
            await().atMost(WAIT).until(join::arrived);
            SIM.hangupFromCaller(pair.caller().channelId());
            join.release();
            awaitTransfer(transfer.id(), Transfer.Status.FAILED);
        } finally {
            join.release();
            callerHangup.release();
        }

        assertThat(client.getTransfer(transfer.id()).reason()).isEqualTo("transferee_hungup");
        awaitOneTerminalEvent(transfer.id(), CallManagerEvents.TRANSFER_FAILED);
        CallRow targetEnded = awaitStatus(transfer.targetCallId(), CallStatus.HANGUP);
        assertThat(targetEnded.hangupNote()).isEqualTo("transferee_hungup");
        awaitStatus(pair.caller().id(), CallStatus.HANGUP);
        await().atMost(WAIT).until(() -> SIM.channelIds().stream().noneMatch(List.of(pair.caller().channelId(),
                pair.agent().channelId(), targetEnded.channelId())::contains));
    }

    @Test
    void aTargetThatHangsUpWhileTheTransferCompletesFailsItAndTheCallerIsBackWithTheAgent() {
        // An agent with a flow of its own: left alone in the consult bridge, it is not hung up as a lone peer.
        Pair pair = callerWithAgent(UUID.randomUUID());
        Transfer transfer = transfer(pair.caller(), "attended", "+15550301006");
        Transfer consulting = awaitTransfer(transfer.id(), Transfer.Status.CONSULTING);
        CallRow target = callRows.find(consulting.targetCallId()).orElseThrow();

        Transfer answered = completeWhileHangingUp(pair, consulting, target);

        assertThat(answered.status()).isEqualTo(Transfer.Status.FAILED);
        assertThat(answered.reason()).isEqualTo("target_normal");
        awaitOneTerminalEvent(transfer.id(), CallManagerEvents.TRANSFER_FAILED);
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(pair.bridgeId()),
                ids -> ids.size() == 2 && ids.containsAll(List.of(pair.caller().channelId(), pair.agent().channelId())));
        assertThat(requestsFor(pair.caller().channelId())).contains("DELETE /ari/channels/{ch}/hold");
        assertThat(callRows.find(pair.caller().id()).orElseThrow().status()).isEqualTo(CallStatus.PROGRESSING);
        assertThat(callRows.find(pair.agent().id()).orElseThrow().status()).isEqualTo(CallStatus.PROGRESSING);
    }
}
