package net.voipbin.callmanager.confbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.asterisksim.RecordedRequest;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.Confbridge;
import net.voipbin.contract.callmanager.ConfbridgeClient;
import net.voipbin.contract.callmanager.ConfbridgeRequests;
import net.voipbin.rpc.client.RpcErrorException;
import tools.jackson.databind.JsonNode;

/**
 * A conference's room as conference-manager uses it: its events name the conference and the participant,
 * and its empty bridge does not linger at Asterisk while the room waits for the next caller.
 */
class ConfbridgeConferenceIT extends CallManagerITBase {

    @Test
    void membersEventsNameTheConferenceAndTheParticipant() {
        ConfbridgeClient rooms = new ConfbridgeClient(rpc, topology);
        UUID conference = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        CallRow call = answeredInbound();
        Confbridge room = rooms.create(new ConfbridgeRequests.Create(customer, Confbridge.Type.CONFERENCE, conference));
        assertThat(room.conferenceId()).isEqualTo(conference);

        rooms.join(room.id(), call.id(), participant);
        JsonNode joined = await().atMost(WAIT).until(
                () -> events.of(CallManagerEvents.CONFBRIDGE_JOINED, "confbridge_id", room.id()), l -> l.size() == 1)
                .getFirst();
        assertThat(joined.path("conference_id").asString()).isEqualTo(conference.toString());
        assertThat(joined.path("participant_id").asString()).isEqualTo(participant.toString());
        assertThat(joined.path("call_id").asString()).isEqualTo(call.id().toString());
        assertThat(joined.path("participant_count").asInt()).isEqualTo(1);

        SIM.hangupFromCaller(call.channelId());
        JsonNode left = await().atMost(WAIT).until(
                () -> events.of(CallManagerEvents.CONFBRIDGE_LEFT, "confbridge_id", room.id()), l -> l.size() == 1)
                .getFirst();
        assertThat(left.path("reason").asString()).isEqualTo("hangup");
        assertThat(left.path("participant_id").asString()).isEqualTo(participant.toString());
        assertThat(left.path("participant_count").asInt()).isZero();
    }

    @Test
    void anEmptiedConferenceRoomDestroysItsBridgeAndMakesANewOneForTheNextCaller() {
        ConfbridgeClient rooms = new ConfbridgeClient(rpc, topology);
        CallRow first = answeredInbound();
        Confbridge room = rooms.create(new ConfbridgeRequests.Create(customer, Confbridge.Type.CONFERENCE,
                UUID.randomUUID()));
        rooms.join(room.id(), first.id(), UUID.randomUUID());
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(room.bridgeId()), ids -> ids.contains(first.channelId()));

        rooms.kick(room.id(), first.id());

        await().atMost(WAIT).until(() -> bridgeCommands(room.bridgeId()).contains("DELETE"));
        // The simulator sees the DELETE before call-manager has recorded the room's next bridge.
        Confbridge waiting = await().atMost(WAIT).until(() -> rooms.get(room.id()),
                r -> !r.bridgeId().equals(room.bridgeId()));
        assertThat(waiting.status()).isEqualTo(Confbridge.Status.ACTIVE);
        assertThat(waiting.bridgeId()).isNotEqualTo(room.bridgeId());
        assertThat(waiting.asteriskId()).isNull();

        CallRow second = answeredInbound();
        rooms.join(room.id(), second.id(), UUID.randomUUID());
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(waiting.bridgeId()), ids -> ids.contains(second.channelId()));
        // Asterisk has the channel before call-manager has handled its ChannelEnteredBridge.
        await().atMost(WAIT).untilAsserted(() -> assertThat(rooms.get(room.id()).callIds()).containsExactly(second.id()));
        assertThat(bridgeCommands(waiting.bridgeId())).containsExactly("POST", "POST");
    }

    @Test
    void aConferenceRoomRecordsItsMixedAudioAndSaysSo() {
        ConfbridgeClient rooms = new ConfbridgeClient(rpc, topology);
        UUID conference = UUID.randomUUID();
        Confbridge room = rooms.create(new ConfbridgeRequests.Create(customer, Confbridge.Type.CONFERENCE, conference));
        UUID recording = UUID.randomUUID();
        assertThatThrownBy(() -> rooms.recordStart(room.id(), recording, null))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo("confbridge_empty"));
        CallRow call = answeredInbound();
        rooms.join(room.id(), call.id(), UUID.randomUUID());
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(room.bridgeId()), ids -> ids.contains(call.channelId()));

        rooms.recordStart(room.id(), recording, null);

        RecordedRequest record = simRequests().stream()
                .filter(r -> r.path().equals("/ari/bridges/" + room.bridgeId() + "/record")).findFirst().orElseThrow();
        assertThat(record.param("name")).contains(recording.toString());
        assertThat(record.param("format")).contains("wav");
        JsonNode started = await().atMost(WAIT).until(
                () -> events.of(CallManagerEvents.CONFBRIDGE_RECORD_STARTED, "confbridge_id", room.id()),
                l -> l.size() == 1).getFirst();
        assertThat(started.path("conference_id").asString()).isEqualTo(conference.toString());
        assertThat(started.path("recording_id").asString()).isEqualTo(recording.toString());
        assertThatThrownBy(() -> rooms.recordStart(room.id(), recording, null))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo("recording_exists"));
        rooms.recordStop(room.id(), recording);
        assertThat(simRequests()).anyMatch(r -> r.path().equals("/ari/recordings/live/" + recording + "/stop"));
        JsonNode finished = finishedRecording(recording);
        assertThat(finished.path("confbridge_id").asString()).isEqualTo(room.id().toString());
        assertThat(finished.path("conference_id").asString()).isEqualTo(conference.toString());
        assertThat(finished.path("customer_id").asString()).isEqualTo(customer.toString());
        assertThat(finished.path("status").asString()).isEqualTo("done");
        assertThat(finished.path("call_id").isNull()).isTrue();
        assertThat(finished.path("tm_end").isNull()).isFalse();
        assertThat(events.of(CallManagerEvents.RECORDING_STARTED, "id", recording)).hasSize(1);
    }

    @Test
    void aRoomsRecordingFinishesWhenTheRoomIsDeleted() {
        ConfbridgeClient rooms = new ConfbridgeClient(rpc, topology);
        UUID conference = UUID.randomUUID();
        Confbridge room = rooms.create(new ConfbridgeRequests.Create(customer, Confbridge.Type.CONFERENCE, conference));
        CallRow call = answeredInbound();
        rooms.join(room.id(), call.id(), UUID.randomUUID());
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(room.bridgeId()), ids -> ids.contains(call.channelId()));
        UUID recording = UUID.randomUUID();
        rooms.recordStart(room.id(), recording, null);

        rooms.delete(room.id());

        assertThat(bridgeCommands(room.bridgeId())).endsWith("DELETE");
        assertThat(finishedRecording(recording).path("conference_id").asString()).isEqualTo(conference.toString());
    }

    @Test
    void aRoomsRecordingFinishesWhenItsBridgeEmpties() {
        ConfbridgeClient rooms = new ConfbridgeClient(rpc, topology);
        Confbridge room = rooms.create(new ConfbridgeRequests.Create(customer, Confbridge.Type.CONFERENCE,
                UUID.randomUUID()));
        CallRow call = answeredInbound();
        rooms.join(room.id(), call.id(), UUID.randomUUID());
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(room.bridgeId()), ids -> ids.contains(call.channelId()));
        UUID recording = UUID.randomUUID();
        rooms.recordStart(room.id(), recording, "gsm");

        SIM.hangupFromCaller(call.channelId());

        JsonNode finished = finishedRecording(recording);
        assertThat(finished.path("confbridge_id").asString()).isEqualTo(room.id().toString());
        assertThat(finished.path("format").asString()).isEqualTo("gsm");
        assertThat(bridgeCommands(room.bridgeId())).endsWith("DELETE");
        assertThatThrownBy(() -> rooms.recordStart(room.id(), recording, null))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo("confbridge_empty"));
    }

    @Test
    void musicOnHoldPlaysIntoTheRoomsBridgeUntilStopped() {
        ConfbridgeClient rooms = new ConfbridgeClient(rpc, topology);
        Confbridge room = rooms.create(new ConfbridgeRequests.Create(customer, Confbridge.Type.CONFERENCE,
                UUID.randomUUID()));
        CallRow call = answeredInbound();
        rooms.join(room.id(), call.id(), UUID.randomUUID());
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(room.bridgeId()), ids -> ids.contains(call.channelId()));

        rooms.music(room.id(), true);
        rooms.music(room.id(), false);

        assertThat(simRequests().stream().filter(r -> r.path().equals("/ari/bridges/" + room.bridgeId() + "/moh"))
                .map(RecordedRequest::method).toList()).containsExactly("POST", "DELETE");
    }

    @Test
    void waitingMembersHearOnlyMusicUntilAdmittedAndThenEachOtherWithoutLeavingTheRoom() {
        ConfbridgeClient rooms = new ConfbridgeClient(rpc, topology);
        Confbridge room = rooms.create(new ConfbridgeRequests.Create(customer, Confbridge.Type.CONFERENCE,
                UUID.randomUUID()));
        CallRow first = answeredInbound();
        CallRow second = answeredInbound();
        rooms.join(room.id(), first.id(), UUID.randomUUID(), true);
        rooms.join(room.id(), second.id(), UUID.randomUUID(), true);

        await().atMost(WAIT).until(() -> SIM.hears(second.channelId()), h -> h.equals(List.of("moh:default")));
        assertThat(SIM.hears(first.channelId())).containsExactly("moh:default");
        String holding = holdingBridge();
        assertThat(proxy.bridgeChannels(holding)).containsExactlyInAnyOrder(first.channelId(), second.channelId());
        assertThat(simRequests().stream().filter(r -> r.path().startsWith("/ari/bridges/" + holding))
                .map(r -> r.method() + " " + r.path().replace(holding, "{h}") + " " + r.query()).toList())
                .startsWith("POST /ari/bridges/{h} type=holding&name=confbridge-" + room.id() + "-waiting",
                        "POST /ari/bridges/{h}/moh mohClass=default",
                        "POST /ari/bridges/{h}/addChannel channel=" + first.channelId());

        // A moderator comes into the mix, and the waiting ones are admitted.
        CallRow moderator = answeredInbound();
        rooms.join(room.id(), moderator.id(), UUID.randomUUID());
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(room.bridgeId()), ids -> ids.contains(moderator.channelId()));
        assertThat(SIM.hears(moderator.channelId())).isEmpty();
        rooms.admit(room.id());

        await().atMost(WAIT).until(() -> SIM.hears(first.channelId()),
                h -> h.containsAll(List.of(second.channelId(), moderator.channelId())) && h.size() == 2);
        assertThat(SIM.hears(moderator.channelId())).containsExactlyInAnyOrder(first.channelId(), second.channelId());
        assertThat(rooms.get(room.id()).callIds()).hasSize(3);

        // The moderator hangs up: the others go back to waiting, apart again.
        SIM.hangupFromCaller(moderator.channelId());
        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.CONFBRIDGE_LEFT, "confbridge_id", room.id()).size() == 1);
        rooms.sendToWaiting(room.id());
        await().atMost(WAIT).until(() -> SIM.hears(first.channelId()), h -> h.equals(List.of("moh:default")));
        await().atMost(WAIT).until(() -> SIM.hears(second.channelId()), h -> h.equals(List.of("moh:default")));

        // A waiting member can be kicked from where it waits.
        rooms.kick(room.id(), first.id());
        await().atMost(WAIT).until(() -> events.of(CallManagerEvents.CONFBRIDGE_LEFT, "confbridge_id", room.id()).size() == 2);
        assertThat(events.of(CallManagerEvents.CONFBRIDGE_JOINED, "confbridge_id", room.id()))
                .extracting(e -> e.path("participant_count").asInt()).containsExactly(1, 2, 3);
        assertThat(events.of(CallManagerEvents.CONFBRIDGE_LEFT, "confbridge_id", room.id()))
                .extracting(e -> e.path("reason").asString() + " " + e.path("participant_count").asInt())
                .containsExactly("hangup 2", "kick 1");
        assertThat(rooms.get(room.id()).callIds()).containsExactly(second.id());
    }

    /** The holding bridge the last waiting join made (its creation in the ARI log). */
    private String holdingBridge() {
        return simRequests().stream().filter(r -> r.method().equals("POST") && r.path().startsWith("/ari/bridges/")
                        && r.param("type").filter("holding"::equals).isPresent())
                .map(r -> r.path().substring("/ari/bridges/".length())).reduce((a, b) -> b).orElseThrow();
    }

    /** The one {@code recording_finished} of that recording, as a webhook gets it. */
    private static JsonNode finishedRecording(UUID recording) {
        return await().atMost(WAIT).until(() -> events.of(CallManagerEvents.RECORDING_FINISHED, "id", recording),
                l -> l.size() == 1).getFirst();
    }

    /** The methods of the ARI requests on the bridge itself (create, destroy), not on its channels. */
    private List<String> bridgeCommands(String bridgeId) {
        return simRequests().stream().filter(r -> r.path().startsWith("/ari/bridges/" + bridgeId))
                .filter(r -> r.path().equals("/ari/bridges/" + bridgeId) || r.path().endsWith("/addChannel"))
                .map(RecordedRequest::method).filter(m -> !m.equals("GET")).toList();
    }
}
