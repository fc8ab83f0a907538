package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.Call.HangupBy;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

class InboundCallIT extends CallManagerITBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aCallToAKnownNumberIsRecordedAndRunsTheNumbersFlow() {
        String number = ownNumber();
        CallRow call = inbound(number);

        await().atMost(WAIT).until(() -> flows.startedFor(call.id()));
        var started = flows.created.stream().filter(c -> c.referenceId().equals(call.id())).findFirst().orElseThrow();
        assertThat(started.customerId()).isEqualTo(customer);
        assertThat(started.referenceType()).isEqualTo(Activeflow.ReferenceType.CALL);
        assertThat(started.variables()).containsEntry("voipbin.call.destination", number);
        CallRow stored = await().atMost(WAIT).until(() -> callRows.find(call.id()).orElseThrow(),
                c -> c.activeflowId() != null);
        assertThat(stored.status()).isEqualTo(CallStatus.RINGING);
        assertThat(stored.customerId()).isEqualTo(customer);
        assertThat(stored.destination().target()).isEqualTo(number);
        assertThat(started.id()).as("the activeflow is created with the id the call names").isEqualTo(stored.activeflowId());
        var created = await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_CREATED, call.id()),
                l -> l.size() == 1).getFirst();
        assertThat(created.path("activeflow_id").asString()).as("call_created already names the flow")
                .isEqualTo(stored.activeflowId().toString());
    }

    @Test
    void aCallToAnUnknownNumberIsHungUpAndItsRecordSaysWhy() {
        CallRow call = inbound("+19990000001");

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.FAILED);
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.LOCAL);
        assertThat(ended.hangupNote()).isEqualTo("number_not_found");
        assertThat(requestsFor(call.channelId())).containsExactly("DELETE /ari/channels/{ch}");
        // Rejected as Q.850 1, unallocated number: the caller's network says "number does not exist".
        assertThat(simRequests().stream().filter(r -> r.method().equals("DELETE") && r.path().contains(call.channelId()))
                .map(r -> r.param("reason").orElse(""))).containsExactly("unallocated");
        assertThat(SIM.channelIds()).doesNotContain(call.channelId());
    }

    @Test
    void aCallToANumberNobodyOwnsBelongsToNoCustomerAndNoCustomerSeesIt() {
        double unroutedBefore = meters.counter("voipbin.calls.unrouted").count();
        CallRow call = inbound("+19990000002");

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.customerId()).as("an unrouted call, not a made-up customer's").isNull();
        assertThat(ended.hangupNote()).isEqualTo("number_not_found");
        // Operators see it: the record, and the count on their dashboard.
        assertThat(meters.counter("voipbin.calls.unrouted").count()).isEqualTo(unroutedBefore + 1);
        // Its events name no customer, so webhook-manager gives them to nobody's webhooks.
        await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_HUNGUP, call.id()).size() == 1);
        List<JsonNode> announced = events.all().stream().filter(e -> e.type().startsWith("call_"))
                .map(e -> e.data()).filter(d -> call.id().toString().equals(d.path("id").asString(""))).toList();
        assertThat(announced).extracting(d -> d.path("customer_id").isNull()).isNotEmpty().containsOnly(true);
        // Nor does any customer's API show it, the all-zero customer of before included.
        for (UUID anyone : List.of(new UUID(0L, 0L), customer)) {
            String theirs = tokenFor(anyone);
            assertThat(Http.get(api("/calls/" + call.id()), theirs).status()).isEqualTo(404);
            assertThat(read(Http.get(api("/calls?page_size=100"), theirs), 200).path("result").valueStream()
                    .map(c -> c.path("id").asString())).doesNotContain(call.id().toString());
        }
    }

    @Test
    void aNumberMovedToAnotherFlowOrDeletedRoutesTheNextCallSo() {
        String number = ownNumber();
        CallRow first = inbound(number);
        await().atMost(WAIT).until(() -> flows.startedFor(first.id()));
        String id = read(Http.get(api("/numbers?page_size=50"), token), 200).path("result").valueStream()
                .filter(n -> n.path("number").asString().equals(number)).findFirst().orElseThrow().path("id").asString();
        UUID moved = UUID.randomUUID();

        read(Http.put(api("/numbers/" + id), token, "{\"flow_id\":\"" + moved + "\"}"), 200);
        CallRow second = inbound(number);
        read(Http.delete(api("/numbers/" + id), token), 204);
        CallRow third = inbound(number);

        assertThat(second.flowId()).as("the route read by the first call is not kept past the change").isEqualTo(moved);
        assertThat(first.flowId()).isNotEqualTo(moved);
        assertThat(awaitStatus(third.id(), CallStatus.HANGUP).hangupNote()).isEqualTo("number_not_found");
    }

    @Test
    void answerPlayAndHangupReachAsteriskInOrderAndPlayReportsItsEnd() {
        CallRow call = answeredInbound();
        client.play(call.id(), new CallRequests.Play(List.of("sound:hello-world"), 2, "op-play-1"));
        JsonNode finished = await().atMost(WAIT).until(
                () -> events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, call.id()), l -> !l.isEmpty()).getFirst();
        assertThat(finished.path("operation_id").asString()).isEqualTo("op-play-1");
        assertThat(finished.path("operation").asString()).isEqualTo("play");
        assertThat(finished.path("result").asString()).isEqualTo("done");

        client.hangup(call.id(), HangupReason.NORMAL);

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.LOCAL);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.NORMAL);
        assertThat(requestsFor(call.channelId())).containsExactly("POST /ari/channels/{ch}/answer",
                "POST /ari/channels/{ch}/play/" + playbackId(call), "DELETE /ari/channels/{ch}");
        assertThat(simRequests().stream().filter(r -> r.path().startsWith("/ari/channels/" + call.channelId() + "/play"))
                .findFirst().orElseThrow().param("media")).contains("sound:hello-world,sound:hello-world");
    }

    @Test
    void aPlaybackCutShortByTheCallersHangupReportsStoppedNotFailed() {
        CallRow call = answeredInbound();
        // tone media plays until stopped: the caller hangs up in the middle of it.
        client.play(call.id(), new CallRequests.Play(List.of("tone:ring"), 1, "op-cut"));
        await().atMost(WAIT).until(() -> requestsFor(call.channelId()).stream().anyMatch(r -> r.contains("/play/")));

        SIM.hangupFromCaller(call.channelId());

        JsonNode finished = await().atMost(WAIT).until(
                () -> events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, call.id()), l -> !l.isEmpty()).getFirst();
        assertThat(finished.path("operation_id").asString()).isEqualTo("op-cut");
        assertThat(finished.path("result").asString()).isEqualTo("stopped");
    }

    private String playbackId(CallRow call) {
        return simRequests().stream().filter(r -> r.path().startsWith("/ari/channels/" + call.channelId() + "/play/"))
                .findFirst().orElseThrow().path().substring(("/ari/channels/" + call.channelId() + "/play/").length());
    }

    @Test
    void whenTheCallerHangsUpTheCallEndsWithDurationAndReasonAndTheEventNamesItsFlow() {
        CallRow call = answeredInbound();
        SIM.hangupFromCaller(call.channelId());

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.REMOTE);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.NORMAL);
        assertThat(ended.durationMs()).isEqualTo(java.time.Duration.between(ended.tmProgressing(), ended.tmHangup()).toMillis());
        JsonNode hungup = await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_HUNGUP, call.id()),
                l -> !l.isEmpty()).getFirst();
        assertThat(hungup.path("hangup_reason").asString()).isEqualTo("normal");
        assertThat(hungup.path("status").asString()).isEqualTo("hangup");
        assertThat(hungup.has("duration_ms")).isTrue();
        // flow-manager ends the call's flow on this event: it must name the flow.
        assertThat(hungup.path("activeflow_id").asString()).isEqualTo(ended.activeflowId().toString());
    }

    @Test
    void aCallsEndIsAnnouncedOnceThoughStasisEndAndChannelDestroyedBothReportIt() {
        CallRow call = answeredInbound();
        assertThat(channelRow(call.channelId(), "call_id")).isEqualTo(call.id().toString());
        SIM.hangupFromCaller(call.channelId());

        awaitStatus(call.id(), CallStatus.HANGUP);
        await().during(java.time.Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> events.ofCall(CallManagerEvents.CALL_HUNGUP, call.id()).size() == 1);
        assertThat(channelRow(call.channelId(), "tm_end")).isNotNull();
    }

    private String channelRow(String channelId, String column) {
        return jdbc.sql("SELECT CAST(" + column + " AS text) FROM channels WHERE id = :id").param("id", channelId)
                .query(String.class).single();
    }
}
