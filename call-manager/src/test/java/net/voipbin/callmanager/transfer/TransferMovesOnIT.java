package net.voipbin.callmanager.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.callmanager.Transfer;
import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * A transfer that names a flow moves the transferee on to it (issue 21): checked when asked for, the call linked
 * to the new activeflow at completion, so the old flow's end no longer concerns the call and the new one's does.
 */
class TransferMovesOnIT extends CallManagerITBase {

    private Http.Response transfer(CallRow transferee, String target, String extra) {
        return Http.post(api("/calls/" + transferee.id() + "/transfer"), token, "{\"type\":\"blind\",\"destination\":"
                + "{\"type\":\"tel\",\"target\":\"" + target + "\"}" + extra + "}");
    }

    /** The transfer once {@code transfer_completed} is out (its status is written a moment before). */
    private Transfer awaitCompleted(UUID id) {
        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.TRANSFER_COMPLETED, "id", id).size() == 1);
        return client.getTransfer(id);
    }

    /** flow-manager's {@code activeflow_deleted} for the call's activeflow {@code activeflowId}. */
    private void flowEnded(UUID callId, UUID activeflowId) {
        JsonNode activeflow = json.createObjectNode().put("id", activeflowId.toString())
                .put("customer_id", customer.toString()).put("reference_type", "call")
                .put("reference_id", callId.toString()).put("status", "ended");
        Event event = new Event(FlowManagerEvents.ACTIVEFLOW_DELETED, FlowManagerEvents.PUBLISHER, Instant.now(),
                activeflow);
        new RabbitTemplate(connectionFactory).send(topology.eventExchange(), event.routingKey(),
                new org.springframework.amqp.core.Message(json.writeValueAsBytes(event)));
    }

    @Test
    void aCompletedTransferLinksTheCallerToTheFlowItNamesAndThatFlowsEndHangsTheCallerUp() {
        CallRow caller = answeredInbound();
        UUID oldActiveflow = caller.activeflowId();
        UUID nextFlow = UUID.randomUUID();
        flows.flowOwners.put(nextFlow, customer);

        Transfer asked = json.treeToValue(read(transfer(caller, "+15550302001", ",\"flow_id\":\"" + nextFlow + "\""),
                201), Transfer.class);

        assertThat(asked.flowId()).isEqualTo(nextFlow);
        assertThat(asked.activeflowId()).isNotNull().isNotEqualTo(oldActiveflow);
        Transfer done = awaitCompleted(asked.id());
        assertThat(done.status()).isEqualTo(Transfer.Status.COMPLETED);
        assertThat(done.activeflowId()).isEqualTo(asked.activeflowId());
        CallRow moved = callRows.find(caller.id()).orElseThrow();
        assertThat(moved.flowId()).isEqualTo(nextFlow);
        assertThat(moved.activeflowId()).isEqualTo(asked.activeflowId());
        // flow-manager learns of the new flow from the completion, and the call names it before that.
        JsonNode completed = events.of(CallManagerEvents.TRANSFER_COMPLETED, "id", asked.id()).getFirst();
        assertThat(completed.path("flow_id").asString()).isEqualTo(nextFlow.toString());
        assertThat(completed.path("activeflow_id").asString()).isEqualTo(asked.activeflowId().toString());
        List<String> order = events.all().stream()
                .filter(e -> e.type().equals(CallManagerEvents.TRANSFER_COMPLETED) && e.data().path("id").asString("")
                        .equals(asked.id().toString()) || e.type().equals(CallManagerEvents.CALL_UPDATED)
                        && e.data().path("id").asString("").equals(caller.id().toString())
                        && e.data().path("activeflow_id").asString("").equals(asked.activeflowId().toString()))
                .map(Event::type).toList();
        assertThat(order).startsWith(CallManagerEvents.CALL_UPDATED, CallManagerEvents.TRANSFER_COMPLETED);

        // The old flow's end (flow-manager ends it on the completion) is not the call's end any more.
        flowEnded(caller.id(), oldActiveflow);
        // The target hangs up: the caller runs a flow, which goes on with it, so it is not hung up as a lone peer.
        CallRow target = callRows.find(done.targetCallId()).orElseThrow();
        SIM.hangupFromCaller(target.channelId());
        awaitStatus(target.id(), CallStatus.HANGUP);
        await().during(Duration.ofSeconds(1)).atMost(WAIT)
                .until(() -> callRows.find(caller.id()).orElseThrow().status() == CallStatus.PROGRESSING);
        assertThat(requestsFor(caller.channelId())).doesNotContain("DELETE /ari/channels/{ch}");

        // The new flow ends: as for any call whose flow ends, the caller is hung up.
        flowEnded(caller.id(), asked.activeflowId());
        CallRow ended = awaitStatus(caller.id(), CallStatus.HANGUP);
        assertThat(ended.hangupNote()).isEqualTo("flow_ended");
        assertThat(requestsFor(caller.channelId())).containsOnlyOnce("DELETE /ari/channels/{ch}");
    }

    @Test
    void theOldFlowsPromptStopsWhenTheTransferCompletesSoTheCallerHearsTheTargetOnly() {
        CallRow caller = answeredInbound();
        // Music the old flow plays while the target rings (tone: media plays until stopped).
        client.play(caller.id(), new CallRequests.Play(List.of("tone:ring"), null, "op-waiting", false));
        String prefix = "/ari/channels/" + caller.channelId() + "/play/";
        String playback = await().atMost(WAIT).until(() -> simRequests().stream().filter(r -> r.path().startsWith(prefix))
                .map(r -> r.path().substring(prefix.length())).findFirst(), Optional::isPresent).orElseThrow();

        Transfer asked = json.treeToValue(read(transfer(caller, "+15550377001", ""), 201), Transfer.class);
        awaitCompleted(asked.id());

        await().atMost(WAIT).until(() -> simRequests().stream()
                .anyMatch(r -> r.method().equals("DELETE") && r.path().equals("/ari/playbacks/" + playback)));
        // Ended without a word to any flow: the old one is over, a new one never asked for it.
        await().during(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, caller.id()).stream()
                        .noneMatch(e -> e.path("operation_id").asString("").equals("op-waiting")));
    }

    @Test
    void aTransferWithoutAFlowEndsTheFlowsControlOfTheCall() {
        CallRow caller = answeredInbound();
        Transfer asked = json.treeToValue(read(transfer(caller, "+15550302002", ""), 201), Transfer.class);

        Transfer done = awaitCompleted(asked.id());

        assertThat(done.flowId()).isNull();
        assertThat(done.activeflowId()).isNull();
        // The flow's control ended: the call runs no flow (an end of its old flow no longer concerns it).
        CallRow after = callRows.find(caller.id()).orElseThrow();
        assertThat(after.activeflowId()).isNull();
        assertThat(after.flowId()).isEqualTo(caller.flowId());
    }

    @Test
    void aTransferredCallerWhoseFlowEndedIsHungUpWhenTheTargetHangsUpInsteadOfLeftInSilence() {
        CallRow caller = answeredInbound();
        Transfer asked = json.treeToValue(read(transfer(caller, "+15550302005", ""), 201), Transfer.class);
        Transfer done = awaitCompleted(asked.id());
        // flow-manager ends the caller's flow on the completion, at once (before call-manager may have seen the
        // bridge events): the caller stays with the target.
        flowEnded(caller.id(), caller.activeflowId());
        await().during(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> callRows.find(caller.id()).orElseThrow().status() == CallStatus.PROGRESSING);

        CallRow target = callRows.find(done.targetCallId()).orElseThrow();
        SIM.hangupFromCaller(target.channelId());

        CallRow ended = awaitStatus(caller.id(), CallStatus.HANGUP);
        assertThat(ended.hangupNote()).isEqualTo("peer_hungup");
    }

    @Test
    void aCallerWhoseFlowEndedWhileItsTransferDialedIsHungUpWhenTheTargetHangsUp() {
        CallRow caller = answeredInbound();
        SIM.planOriginate("+15550302006", net.voipbin.asterisksim.OriginateOutcome.ANSWERED, Duration.ofSeconds(100));
        Transfer asked = json.treeToValue(read(transfer(caller, "+15550302006", ""), 201), Transfer.class);
        // The flow's last action was the transfer: it ends while the target still rings.
        flowEnded(caller.id(), caller.activeflowId());
        await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().activeflowId() == null);

        Transfer done = awaitCompleted(asked.id());
        CallRow target = callRows.find(done.targetCallId()).orElseThrow();
        SIM.hangupFromCaller(target.channelId());

        assertThat(awaitStatus(caller.id(), CallStatus.HANGUP).hangupNote()).isEqualTo("peer_hungup");
    }

    @Test
    void aCallerWhoseNewFlowEndedWhileWithTheTargetIsHungUpWhenTheTargetHangsUp() {
        CallRow caller = answeredInbound();
        UUID nextFlow = UUID.randomUUID();
        flows.flowOwners.put(nextFlow, customer);
        Transfer asked = json.treeToValue(read(transfer(caller, "+15550302007", ",\"flow_id\":\"" + nextFlow + "\""),
                201), Transfer.class);
        Transfer done = awaitCompleted(asked.id());
        // A late end of the old flow changes nothing: the call names its new flow.
        flowEnded(caller.id(), caller.activeflowId());
        // The new flow, say [play after-transfer], ends while the caller talks with the target: the caller stays.
        flowEnded(caller.id(), asked.activeflowId());
        await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().activeflowId() == null);
        assertThat(callRows.find(caller.id()).orElseThrow().status()).isEqualTo(CallStatus.PROGRESSING);

        CallRow target = callRows.find(done.targetCallId()).orElseThrow();
        SIM.hangupFromCaller(target.channelId());

        assertThat(awaitStatus(caller.id(), CallStatus.HANGUP).hangupNote()).isEqualTo("peer_hungup");
    }

    @Test
    void aCallerWhoseFlowEndedWhileItsTransferDialedIsHungUpWhenTheTargetIsBusyNotLeftInSilence() {
        CallRow caller = answeredInbound();
        SIM.planOriginate("+15550302008", net.voipbin.asterisksim.OriginateOutcome.BUSY, Duration.ofSeconds(100));
        Transfer asked = json.treeToValue(read(transfer(caller, "+15550302008", ""), 201), Transfer.class);
        flowEnded(caller.id(), caller.activeflowId());
        await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().activeflowId() == null);

        await().atMost(WAIT).until(() -> client.getTransfer(asked.id()).status() == Transfer.Status.FAILED);

        CallRow ended = awaitStatus(caller.id(), CallStatus.HANGUP);
        assertThat(ended.hangupNote()).isEqualTo("transfer_failed");
    }

    @Test
    void aCallerWhoseFlowStillRunsStaysWithItWhenTheTransferFails() {
        CallRow caller = answeredInbound();
        SIM.planOriginate("+15550302009", net.voipbin.asterisksim.OriginateOutcome.BUSY, Duration.ofSeconds(50));
        Transfer asked = json.treeToValue(read(transfer(caller, "+15550302009", ""), 201), Transfer.class);

        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.TRANSFER_FAILED, "id", asked.id()).size() == 1);

        await().during(Duration.ofSeconds(1)).atMost(WAIT)
                .until(() -> callRows.find(caller.id()).orElseThrow().status() == CallStatus.PROGRESSING);
        assertThat(callRows.find(caller.id()).orElseThrow().activeflowId()).isEqualTo(caller.activeflowId());
    }

    @Test
    void anAttendedTransferMovesTheTransfereeOnNotTheAgentNorTheTarget() {
        CallRow caller = answeredInbound();
        CallRow agent = answeredInbound();
        net.voipbin.contract.callmanager.Confbridge room = rpc.call(topology.requestQueue("call-manager"), "POST",
                "/v1/confbridges", new net.voipbin.contract.callmanager.ConfbridgeRequests.Create(customer,
                        net.voipbin.contract.callmanager.Confbridge.Type.CONNECT),
                net.voipbin.contract.callmanager.Confbridge.class);
        for (UUID id : List.of(caller.id(), agent.id())) {
            rpc.call(topology.requestQueue("call-manager"), "POST", "/v1/confbridges/" + room.id() + "/join",
                    new net.voipbin.contract.callmanager.ConfbridgeRequests.Member(id),
                    net.voipbin.contract.callmanager.Confbridge.class);
        }
        await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().bridgeId() != null
                && callRows.find(agent.id()).orElseThrow().bridgeId() != null);
        UUID nextFlow = UUID.randomUUID();
        flows.flowOwners.put(nextFlow, customer);

        // The agent's side asks (the RPC of flow-manager's transfer action) for the caller to move on to nextFlow.
        client.transfer(caller.id(), new CallRequests.Transfer(CallRequests.Transfer.TransferType.ATTENDED,
                Address.tel("+15550302010"), nextFlow));
        Transfer consulting = await().atMost(WAIT).until(() -> events.of(CallManagerEvents.TRANSFER_CREATED,
                "transferee_call_id", caller.id()), l -> l.size() == 1).stream()
                .map(n -> json.treeToValue(n, Transfer.class)).findFirst().orElseThrow();
        await().atMost(WAIT).until(() -> client.getTransfer(consulting.id()).status() == Transfer.Status.CONSULTING);
        // Consulting: the caller still names its old flow.
        assertThat(callRows.find(caller.id()).orElseThrow().activeflowId()).isEqualTo(caller.activeflowId());

        client.completeTransfer(consulting.id());

        Transfer done = awaitCompleted(consulting.id());
        assertThat(done.transfereeCallId()).isEqualTo(caller.id());
        CallRow moved = callRows.find(caller.id()).orElseThrow();
        assertThat(moved.flowId()).isEqualTo(nextFlow);
        assertThat(moved.activeflowId()).isEqualTo(consulting.activeflowId());
        awaitStatus(agent.id(), CallStatus.HANGUP);
        assertThat(callRows.find(agent.id()).orElseThrow().activeflowId()).isEqualTo(agent.activeflowId());
        assertThat(callRows.find(done.targetCallId()).orElseThrow().activeflowId()).isNull();
    }

    @Test
    void anUnknownOrForeignFlowIsRefusedAtTheRequestAndNothingIsDialed() {
        CallRow caller = answeredInbound();
        UUID foreign = UUID.randomUUID();
        flows.flowOwners.put(foreign, UUID.randomUUID());
        int originatesBefore = originates("+15550302003");

        for (UUID flow : List.of(UUID.randomUUID(), foreign)) {
            Http.Response refused = transfer(caller, "+15550302003", ",\"flow_id\":\"" + flow + "\"");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).path("field").asString()).isEqualTo("flow_id");
            assertThat(json.readTree(refused.body()).path("message").asString()).contains(flow.toString());
        }
        // The same through RPC, as flow-manager's transfer action and pipecat-manager send it.
        assertThatThrownBy(() -> client.transfer(caller.id(), new CallRequests.Transfer(
                CallRequests.Transfer.TransferType.BLIND, Address.tel("+15550302003"), foreign)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("flow_id");
                });

        assertThat(events.of(CallManagerEvents.TRANSFER_CREATED, "transferee_call_id", caller.id())).isEmpty();
        assertThat(originates("+15550302003")).isEqualTo(originatesBefore);
        assertThat(callRows.find(caller.id()).orElseThrow().status()).isEqualTo(CallStatus.PROGRESSING);
    }

    @Test
    void inlineActionsAreStoredAsTheCustomersFlowAndRunAfterTheTransfer() {
        CallRow caller = answeredInbound();
        String actions = "[{\"id\":\"after\",\"type\":\"play\",\"option\":{\"media\":[\"sound:after-transfer\"]}}]";

        Http.Response both = transfer(caller, "+15550302004", ",\"flow_id\":\"" + UUID.randomUUID()
                + "\",\"actions\":" + actions);
        assertThat(both.status()).as(both.body()).isEqualTo(400);
        assertThat(json.readTree(both.body()).path("field").asString()).isEqualTo("actions");

        Transfer asked = json.treeToValue(read(transfer(caller, "+15550302004", ",\"actions\":" + actions), 201),
                Transfer.class);

        Flow stored = flows.flowsStored.stream().filter(f -> f.id().equals(asked.flowId())).findFirst().orElseThrow();
        assertThat(stored.customerId()).isEqualTo(customer);
        assertThat(stored.actions().getFirst().type()).isEqualTo("play");
        awaitCompleted(asked.id());
        assertThat(originates("+15550302004")).isEqualTo(1);
        assertThat(callRows.find(caller.id()).orElseThrow().activeflowId()).isEqualTo(asked.activeflowId());
    }

    /** Originates the simulator received towards {@code number}. */
    private int originates(String number) {
        return (int) simRequests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/channels")
                && r.query().contains(number.substring(1))).count();
    }
}
