package net.voipbin.conferencemanager.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.conferencemanager.Conferencecall;
import net.voipbin.contract.conferencemanager.ConferencecallCreate;
import net.voipbin.conferencemanager.support.ConferenceManagerITBase;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/** Participants come and go; the counts, reasons and the conference's end are what a customer sees. */
class ConferenceLifecycleIT extends ConferenceManagerITBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void threeJoinOneIsKickedOneHangsUpAndTheStopEndsTheConferenceWithItsPostFlow() {
        UUID postFlow = UUID.randomUUID();
        JsonNode conference = createConference("{\"name\":\"standup\",\"post_flow_id\":\"" + postFlow + "\"}");
        UUID conferenceId = id(conference);
        UUID confbridge = UUID.fromString(conference.get("confbridge_id").asString());
        List<UUID> calls = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Conferencecall> joined = calls.stream().map(call -> join(conferenceId, call)).toList();
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 3);

        Http.Response kick = Http.delete(api("/conferencecalls/" + joined.get(0).id()), token);
        assertThat(kick.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 4);
        callManager.hangup(calls.get(1));
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 5);
        assertThat(Http.post(api("/conferences/" + conferenceId + "/stop"), token, "{}").status()).isEqualTo(200);

        await().atMost(WAIT).until(() -> "terminated".equals(get("/conferences/" + conferenceId).get("status").asString()));
        List<Event> members = events.members(conferenceId);
        assertThat(members).extracting(Event::type).containsExactly("conferencecall_joined", "conferencecall_joined",
                "conferencecall_joined", "conferencecall_left", "conferencecall_left", "conferencecall_left");
        assertThat(members).extracting(e -> e.data().get("participant_count").asInt()).containsExactly(1, 2, 3, 2, 1, 0);
        assertThat(members.subList(3, 6)).extracting(e -> e.data().get("reason").asString())
                .containsExactly("kick", "hangup", "stop");
        assertThat(members.subList(3, 6)).extracting(e -> e.data().get("call_id").asString())
                .containsExactly(calls.get(0).toString(), calls.get(1).toString(), calls.get(2).toString());
        // The post flow goes only with the participant the stop ended, so its flow-manager runs it.
        assertThat(members.get(5).data().get("post_flow_id").asString()).isEqualTo(postFlow.toString());
        assertThat(members.get(3).data().get("post_flow_id").isNull()).isTrue();
        assertThat(members.get(5).data().get("id").asString()).isEqualTo(joined.get(2).id().toString());
        assertThat(members.get(5).data().get("participant_id").asString()).isEqualTo(joined.get(2).id().toString());

        JsonNode ended = get("/conferences/" + conferenceId);
        assertThat(ended.get("tm_end").isNull()).isFalse();
        assertThat(ended.get("participant_count").asInt()).isZero();
        assertThat(callManager.commands).endsWith("kick " + calls.get(2), "delete " + confbridge);
        await().atMost(WAIT).until(() -> events.of("conference_updated", "id", conferenceId).stream()
                .anyMatch(c -> "terminated".equals(c.get("status").asString())));
        JsonNode page = get("/conferences/" + conferenceId + "/conferencecalls?page_size=2");
        assertThat(page.get("result")).hasSize(2);
        assertThat(page.get("next_page_token").asString()).isNotBlank();
    }

    @Test
    void stoppingAnEmptyConferenceTerminatesItAtOnce() {
        JsonNode conference = createConference("{}");
        UUID conferenceId = id(conference);

        JsonNode stopped = json.readTree(Http.post(api("/conferences/" + conferenceId + "/stop"), token, "{}").body());

        assertThat(stopped.get("status").asString()).isEqualTo("terminated");
        assertThat(stopped.get("tm_end").isNull()).isFalse();
        assertThat(callManager.commands).contains("delete " + conference.get("confbridge_id").asString());
    }

    @Test
    void aCallHangingUpBeforeItReachesTheBridgeLeavesTheCountRight() {
        callManager.holdJoins();
        UUID conferenceId = id(createConference("{}"));
        UUID call = UUID.randomUUID();
        Conferencecall participant = join(conferenceId, call);
        assertThat(participant.status()).isEqualTo(Conferencecall.Status.JOINING);

        callManager.hangup(call);

        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 1);
        Event left = events.members(conferenceId).getFirst();
        assertThat(left.type()).isEqualTo("conferencecall_left");
        assertThat(left.data().get("reason").asString()).isEqualTo("hangup");
        assertThat(left.data().get("participant_count").asInt()).isZero();
        assertThat(get("/conferences/" + conferenceId).get("status").asString()).isEqualTo("progressing");
        assertThat(get("/conferencecalls/" + participant.id()).get("status").asString()).isEqualTo("left");
    }

    @Test
    void aKickRacingAHangupLeavesOnce() throws InterruptedException {
        UUID conferenceId = id(createConference("{}"));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Conferencecall kicked = join(conferenceId, first);
        join(conferenceId, second);
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 2);

        Thread hangup = Thread.ofVirtual().start(() -> callManager.hangup(first));
        Http.Response kick = Http.delete(api("/conferencecalls/" + kicked.id()), token);
        hangup.join();
        assertThat(kick.status()).isEqualTo(200);

        await().atMost(WAIT).until(() -> events.members(conferenceId).size() >= 3);
        await().during(java.time.Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> events.members(conferenceId).size() == 3);
        assertThat(events.members(conferenceId).get(2).data().get("participant_count").asInt()).isEqualTo(1);
        assertThat(get("/conferences/" + conferenceId).get("participant_count").asInt()).isEqualTo(1);
    }

    @Test
    void aConnectRoomEndsWhenOneSideLeaves() {
        UUID conferenceId = id(createConference("{\"type\":\"connect\"}"));
        UUID caller = UUID.randomUUID();
        UUID callee = UUID.randomUUID();
        join(conferenceId, caller);
        join(conferenceId, callee);
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 2);

        callManager.hangup(caller);

        await().atMost(WAIT).until(() -> "terminated".equals(get("/conferences/" + conferenceId).get("status").asString()));
        List<Event> members = events.members(conferenceId);
        assertThat(members.subList(2, 4)).extracting(e -> e.data().get("reason").asString())
                .containsExactly("hangup", "stop");
        assertThat(callManager.commands).contains("kick " + callee);
    }

    @Test
    void deletingAConferenceWithParticipantsKicksThemAndHidesIt() {
        UUID conferenceId = id(createConference("{}"));
        UUID call = UUID.randomUUID();
        join(conferenceId, call);
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 1);

        assertThat(Http.delete(api("/conferences/" + conferenceId), token).status()).isEqualTo(204);

        await().atMost(WAIT).until(() -> events.of("conference_deleted", "id", conferenceId).size() == 1);
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 2);
        assertThat(events.members(conferenceId).get(1).data().get("reason").asString()).isEqualTo("stop");
        assertThat(Http.get(api("/conferences/" + conferenceId), token).status()).isEqualTo(404);
    }

    @Test
    void muteAndUnmuteGoToTheCall() {
        UUID conferenceId = id(createConference("{}"));
        UUID call = UUID.randomUUID();
        Conferencecall participant = join(conferenceId, call);

        JsonNode muted = json.readTree(Http.post(api("/conferencecalls/" + participant.id() + "/mute"), token, "{}").body());
        assertThat(muted.get("muted").asBoolean()).isTrue();
        JsonNode unmuted = json.readTree(Http.post(api("/conferencecalls/" + participant.id() + "/unmute"), token, "{}").body());
        assertThat(unmuted.get("muted").asBoolean()).isFalse();
        assertThat(callManager.commands).containsSubsequence("mute " + call, "unmute " + call);
    }

    @Test
    void participantsHearTheOnlyPersonPromptAndBeepsAsOthersComeAndGo() {
        UUID conferenceId = id(createConference("{\"entry_exit_beep\":true,\"only_person_prompt\":true}"));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        join(conferenceId, first);
        await().atMost(WAIT).until(() -> callManager.commands.contains("play " + first + " sound:conf-onlyperson"));
        join(conferenceId, second);
        await().atMost(WAIT).until(() -> callManager.commands.contains("play " + first + " sound:beep"));
        callManager.hangup(second);

        await().atMost(WAIT).until(() -> callManager.commands.stream()
                .filter(c -> c.equals("play " + first + " sound:beep")).count() == 2);
        assertThat(callManager.commands).noneMatch(c -> c.startsWith("play " + second));
        assertThat(get("/conferences/" + conferenceId).get("entry_exit_beep").asBoolean()).isTrue();
    }

    @Test
    void theMixedAudioIsRecordedThroughTheConfbridge() {
        UUID conferenceId = id(createConference("{}"));
        Http.Response empty = Http.post(api("/conferences/" + conferenceId + "/recording_start"), token, "{}");
        assertThat(empty.status()).isEqualTo(409);
        assertThat(json.readTree(empty.body()).get("error").asString()).isEqualTo("confbridge_empty");
        join(conferenceId, UUID.randomUUID());

        JsonNode recording = json.readTree(
                Http.post(api("/conferences/" + conferenceId + "/recording_start"), token, "{}").body());
        String recordingId = recording.get("recording_id").asString();
        assertThat(callManager.commands).contains("record_start " + recordingId);
        assertThat(Http.post(api("/conferences/" + conferenceId + "/recording_start"), token, "{}").status())
                .isEqualTo(409);
        JsonNode stopped = json.readTree(
                Http.post(api("/conferences/" + conferenceId + "/recording_stop"), token, "{}").body());

        assertThat(stopped.get("recording_id").isNull()).isTrue();
        assertThat(stopped.get("recording_ids")).extracting(JsonNode::asString).containsExactly(recordingId);
        assertThat(callManager.commands).contains("record_stop " + recordingId);
        assertThat(json.readTree(Http.post(api("/conferences/" + conferenceId + "/recording_stop"), token, "{}")
                .body()).get("error").asString()).isEqualTo("not_recording");
    }

    @Test
    void aRecordingThatEndsOnItsOwnIsNoLongerTheConferencesCurrentOne() {
        UUID conferenceId = id(createConference("{}"));
        join(conferenceId, UUID.randomUUID());
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 1);
        String recordingId = json.readTree(Http.post(api("/conferences/" + conferenceId + "/recording_start"), token,
                "{}").body()).get("recording_id").asString();

        // Asterisk ends it (its bridge emptied): call-manager says recording_finished.
        callManager.recordingFinished(UUID.fromString(get("/conferences/" + conferenceId).get("confbridge_id").asString()));

        await().atMost(WAIT).until(() -> get("/conferences/" + conferenceId).get("recording_id").isNull());
        JsonNode updated = events.of("conference_updated", "id", conferenceId).getLast();
        assertThat(updated.get("recording_id").isNull()).isTrue();
        assertThat(updated.get("recording_ids")).extracting(JsonNode::asString).containsExactly(recordingId);
        assertThat(Http.post(api("/conferences/" + conferenceId + "/recording_start"), token, "{}").status())
                .isEqualTo(200);
    }

    @Test
    void aRecordingEndsWithTheConference() {
        UUID conferenceId = id(createConference("{}"));
        join(conferenceId, UUID.randomUUID());
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 1);
        Http.post(api("/conferences/" + conferenceId + "/recording_start"), token, "{}");

        Http.post(api("/conferences/" + conferenceId + "/stop"), token, "{}");

        JsonNode ended = await().atMost(WAIT).until(() -> get("/conferences/" + conferenceId),
                c -> "terminated".equals(c.get("status").asString()) && c.get("recording_id").isNull());
        assertThat(ended.get("recording_ids")).hasSize(1);
    }

    @Test
    void participantsWaitApartUntilAModeratorIsInAndAgainWhenTheLastOneLeaves() {
        UUID conferenceId = id(createConference("{\"moderator_gated\":true}"));
        UUID participant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID moderator = UUID.randomUUID();
        join(conferenceId, participant);
        join(conferenceId, other);
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 2);
        assertThat(callManager.commands).contains("join " + participant + " waiting", "join " + other + " waiting");
        assertThat(callManager.commands).doesNotContain("admit");

        client.join(new ConferencecallCreate(customer, conferenceId, "call", moderator, null,
                Conferencecall.Role.MODERATOR));
        await().atMost(WAIT).until(() -> callManager.commands.contains("admit"));
        assertThat(callManager.commands).contains("join " + moderator);
        UUID late = UUID.randomUUID();
        join(conferenceId, late);
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 4);
        assertThat(callManager.commands).contains("join " + late);
        callManager.hangup(moderator);

        await().atMost(WAIT).until(() -> callManager.commands.contains("wait"));
        assertThat(get("/conferences/" + conferenceId).get("status").asString()).isEqualTo("progressing");
        // Waiting or not, they are in the conference: 1,2 waiting, 3 with the moderator, 4, and 3 once it left.
        assertThat(events.members(conferenceId)).extracting(e -> e.data().get("participant_count").asInt())
                .containsExactly(1, 2, 3, 4, 3);
        assertThat(get("/conferences/" + conferenceId).get("participant_count").asInt()).isEqualTo(3);
    }

    @Test
    void theConferenceEndsWhenItsLastModeratorLeaves() {
        UUID conferenceId = id(createConference("{\"end_when_moderators_leave\":true}"));
        UUID participant = UUID.randomUUID();
        UUID moderator = UUID.randomUUID();
        join(conferenceId, participant);
        client.join(new ConferencecallCreate(customer, conferenceId, "call", moderator, null,
                Conferencecall.Role.MODERATOR));
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 2);

        callManager.hangup(moderator);

        await().atMost(WAIT).until(() -> "terminated".equals(get("/conferences/" + conferenceId).get("status").asString()));
        assertThat(events.members(conferenceId).subList(2, 4)).extracting(e -> e.data().get("reason").asString())
                .containsExactly("hangup", "stop");
        assertThat(callManager.commands).noneMatch(c -> c.equals("wait") || c.endsWith("waiting"));
    }

    @Test
    void aConferenceWithoutPromptsPlaysNothing() {
        UUID conferenceId = id(createConference("{}"));
        UUID call = UUID.randomUUID();
        join(conferenceId, call);
        join(conferenceId, UUID.randomUUID());
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 2);

        assertThat(callManager.commands).noneMatch(c -> c.startsWith("play"));
    }

    @Test
    void aStopWhoseKicksWereLostInACrashIsFinishedByRecovery() {
        UUID conferenceId = id(createConference("{}"));
        UUID call = UUID.randomUUID();
        join(conferenceId, call);
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 1);

        // As a stop leaves it when the instance dies between its commit and its kicks.
        jdbc.sql("UPDATE conferences SET status = 'terminating', version = version + 1 WHERE id = ?")
                .param(conferenceId).update();
        jdbc.sql("UPDATE conferencecalls SET status = 'leaving', leave_reason = 'stop', version = version + 1, "
                + "tm_update = now() - interval '1 minute' WHERE conference_id = ?").param(conferenceId).update();

        await().atMost(WAIT).until(() -> "terminated".equals(get("/conferences/" + conferenceId).get("status").asString()));
        assertThat(callManager.commands).contains("kick " + call);
        assertThat(events.members(conferenceId).get(1).data().get("reason").asString()).isEqualTo("stop");
    }

    private Conferencecall join(UUID conferenceId, UUID call) {
        return client.join(new ConferencecallCreate(customer, conferenceId, "call", call, UUID.randomUUID(), null));
    }
}
