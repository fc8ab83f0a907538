package net.voipbin.callmanager.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.CallHangupRequest;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallMediaClient;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.callmanager.CallTransferCreate;
import net.voipbin.contract.callmanager.Confbridge;
import net.voipbin.contract.callmanager.ConfbridgeRequests;
import net.voipbin.contract.callmanager.ExternalMedia;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.contract.callmanager.Transfer;
import net.voipbin.rpc.client.RpcErrorException;
import net.voipbin.rpc.envelope.RpcResponse;
import tools.jackson.databind.JsonNode;

class CallOperationsIT extends CallManagerITBase {

    @Test
    void talkPlaysTheSpokenTextAndReportsItsEnd() {
        CallRow call = answeredInbound();
        client.talk(call.id(), new CallRequests.Talk("hello world", "en", "op-talk"));

        JsonNode finished = await().atMost(WAIT).until(
                () -> events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, call.id()), l -> !l.isEmpty()).getFirst();
        assertThat(finished.path("operation").asString()).isEqualTo("talk");
        assertThat(finished.path("result").asString()).isEqualTo("done");
        assertThat(simRequests().stream().filter(r -> r.path().startsWith("/ari/channels/" + call.channelId() + "/play/"))
                .findFirst().orElseThrow().param("media")).contains("sound:hello-world");
    }

    @Test
    void aRecordingStartsAndStopsWithEventsAndHoldAndMuteReachAsterisk() {
        CallRow call = answeredInbound();
        client.recordStart(call.id(), new CallRequests.RecordStart("wav", 60, "op-rec"));
        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.RECORDING_STARTED, "call_id", call.id()).size() == 1);
        client.recordStop(call.id());

        JsonNode recording = await().atMost(WAIT).until(
                () -> events.of(CallManagerEvents.RECORDING_FINISHED, "call_id", call.id()), l -> l.size() == 1).getFirst();
        assertThat(recording.path("status").asString()).isEqualTo("done");
        await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, call.id()).size() == 1);
        assertThatThrownBy(() -> client.recordStop(call.id()))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(409));

        client.toggle(call.id(), "hold");
        client.toggle(call.id(), "unhold");
        client.toggle(call.id(), "mute");
        assertThat(requestsFor(call.channelId())).contains("POST /ari/channels/{ch}/record",
                "POST /ari/channels/{ch}/hold", "DELETE /ari/channels/{ch}/hold", "POST /ari/channels/{ch}/mute");
    }

    @Test
    void anAiSessionAttachesExternalMediaThenTransfersTheCallerAndHangsUp() throws Exception {
        CallMediaClient media = new CallMediaClient(rpc, topology);
        CallRow call = answeredInbound();

        ExternalMedia attached = media.externalMedia(call.id(), new ExternalMediaCreate("127.0.0.1:9092", "audiosocket",
                "tcp", "slin16", "both", "0c7e8f0e-3b8c-4d39-9d1b-1f4a3c0b2a11"));
        assertThat(attached.format()).isEqualTo("slin16");
        String bridge = await().atMost(WAIT).until(() -> callRows.find(call.id()).orElseThrow().bridgeId(),
                b -> b != null);
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(bridge),
                ids -> ids.containsAll(List.of(call.channelId(), attached.channelId())));
        assertThat(callRows.findByChannel(attached.channelId())).as("the media channel is no call").isEmpty();

        RpcResponse badFormat = media.transfer(call.id(), new CallTransferCreate("sideways", "+15550401001"),
                Duration.ofSeconds(3)).get();
        assertThat(badFormat.statusCode()).isEqualTo(400);
        RpcResponse transferred = media.transfer(call.id(), new CallTransferCreate("blind", "+15550401001"),
                Duration.ofSeconds(3)).get();
        assertThat(transferred.statusCode()).isEqualTo(200);
        JsonNode done = await().atMost(WAIT).until(() -> events.all().stream()
                .filter(e -> e.type().equals(CallManagerEvents.TRANSFER_COMPLETED))
                .map(e -> e.data()).filter(d -> d.path("transferee_call_id").asString().equals(call.id().toString()))
                .toList(), l -> l.size() == 1).getFirst();
        Transfer transfer = json.treeToValue(done, Transfer.class);
        String target = callRows.find(transfer.targetCallId()).orElseThrow().channelId();
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(bridge),
                ids -> ids.size() == 2 && ids.containsAll(List.of(call.channelId(), target)));
        assertThat(SIM.channelIds()).as("the AI's media channel was dropped").doesNotContain(attached.channelId());

        media.hangup(call.id(), new CallHangupRequest("normal"), Duration.ofSeconds(3)).get();
        awaitStatus(call.id(), CallStatus.HANGUP);
    }

    @Test
    void flowManagersConnectBridgesTheCallerWithTheAnsweredPeer() {
        CallRow caller = answeredInbound();
        var peer = client.create(new CallRequests.Create(customer, net.voipbin.contract.callmanager.Address.tel("+15550100000"),
                List.of(net.voipbin.contract.callmanager.Address.tel("+15550501001")), null, 30_000)).getFirst();
        awaitStatus(peer.id(), CallStatus.PROGRESSING);

        client.bridge(caller.id(), peer.id());

        String bridge = await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().bridgeId(), b -> b != null);
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(bridge),
                ids -> ids.size() == 2 && ids.containsAll(List.of(caller.channelId(), peer.channelId())));
        client.mute(caller.id(), "in");
        assertThat(simRequests().stream().filter(r -> r.path().equals("/ari/channels/" + caller.channelId() + "/mute"))
                .findFirst().orElseThrow().param("direction")).contains("in");
        assertThatThrownBy(() -> client.mute(caller.id(), "sideways"))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(400));

        // The peer hangs up: the caller has a flow of its own and stays.
        SIM.hangupFromCaller(peer.channelId());
        awaitStatus(peer.id(), CallStatus.HANGUP);
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(bridge), ids -> ids.equals(List.of(caller.channelId())));
        assertThat(callRows.find(caller.id()).orElseThrow().status()).isEqualTo(CallStatus.PROGRESSING);
    }

    @Test
    void digitsSendPlaysTheDigitsToTheCallerAndRefusesWhatIsNotDtmf() {
        CallRow call = answeredInbound();

        client.digitsSend(call.id(), new net.voipbin.contract.callmanager.CallRequests.DigitsSend("12#w9"));

        assertThat(simRequests()).filteredOn(r -> r.path().equals("/ari/channels/" + call.channelId() + "/dtmf"))
                .singleElement().satisfies(r -> assertThat(java.net.URLDecoder.decode(r.query(),
                        java.nio.charset.StandardCharsets.UTF_8)).contains("dtmf=12#w9"));
        assertThatThrownBy(() -> client.digitsSend(call.id(),
                new net.voipbin.contract.callmanager.CallRequests.DigitsSend("12x")))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorBody().field()).isEqualTo("digits");
                });
    }

    @Test
    void aConfbridgeReportsWhoJoinsAndLeaves() {
        CallRow first = answeredInbound();
        CallRow second = answeredInbound();
        Confbridge room = client.createConfbridge(new ConfbridgeRequests.Create(customer, Confbridge.Type.CONFERENCE));
        client.joinConfbridge(room.id(), first.id());
        client.joinConfbridge(room.id(), second.id());
        await().atMost(WAIT).until(() -> client.getConfbridge(room.id()).callIds().size() == 2);
        assertThat(proxy.bridgeChannels(room.bridgeId())).containsExactlyInAnyOrder(first.channelId(), second.channelId());

        client.kickConfbridge(room.id(), first.id());
        await().atMost(WAIT).until(() -> client.getConfbridge(room.id()).callIds().equals(List.of(second.id())));
        List<JsonNode> left = await().atMost(WAIT).until(
                () -> events.of(CallManagerEvents.CONFBRIDGE_LEFT, "confbridge_id", room.id()), l -> l.size() == 1);
        assertThat(left.getFirst().path("reason").asString()).isEqualTo("kick");
        assertThat(left.getFirst().path("participant_count").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.CONFBRIDGE_JOINED, "confbridge_id", room.id()).size() == 2);

        Confbridge deleted = client.deleteConfbridge(room.id());
        assertThat(deleted.status()).isEqualTo(Confbridge.Status.TERMINATED);
        assertThat(proxy.bridgeChannels(room.bridgeId())).isEmpty();
        // The one still in the room is told it left, once, before the room's end.
        List<JsonNode> all = await().atMost(WAIT).until(
                () -> events.of(CallManagerEvents.CONFBRIDGE_LEFT, "confbridge_id", room.id()), l -> l.size() == 2);
        assertThat(all.get(1).path("call_id").asString()).isEqualTo(second.id().toString());
        assertThat(all.get(1).path("reason").asString()).isEqualTo("kick");
        assertThat(all.get(1).path("participant_count").asInt()).isZero();
        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.CONFBRIDGE_DELETED, "id", room.id()).size() == 1);
        await().during(java.time.Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> events.of(CallManagerEvents.CONFBRIDGE_LEFT, "confbridge_id", room.id()).size() == 2);
        assertThatThrownBy(() -> client.joinConfbridge(room.id(), first.id()))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(409));
    }
}
