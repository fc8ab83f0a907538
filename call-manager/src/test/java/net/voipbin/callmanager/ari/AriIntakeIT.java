package net.voipbin.callmanager.ari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.callmanager.support.AsteriskEdge;
import net.voipbin.contract.asteriskproxy.AsteriskProxyEvents;
import net.voipbin.contract.asteriskproxy.ProxyConnected;
import net.voipbin.contract.callmanager.Call.HangupBy;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.testsupport.ServiceChecks;
import tools.jackson.databind.JsonNode;

class AriIntakeIT extends CallManagerITBase {

    @Test
    void everyDigitIsForwardedAndACollectionEndsAtItsMaxLength() {
        CallRow call = answeredInbound();
        client.digitsReceive(call.id(), new CallRequests.DigitsReceive(10_000, 3, "#", "op-digits-1"));
        SIM.pressDigits(call.channelId(), "1234");

        JsonNode finished = await().atMost(WAIT).until(
                () -> events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, call.id()), l -> !l.isEmpty()).getFirst();
        assertThat(finished.path("digits").asString()).isEqualTo("123");
        assertThat(finished.path("result").asString()).isEqualTo("done");
        assertThat(finished.path("operation").asString()).isEqualTo("digits_receive");
        List<JsonNode> digits = await().atMost(WAIT).until(
                () -> events.ofCall(CallManagerEvents.CALL_DTMF_RECEIVED, call.id()), l -> l.size() == 4);
        assertThat(digits).extracting(d -> d.path("digit").asString()).containsExactly("1", "2", "3", "4");
        assertThat(digits.getFirst().path("activeflow_id").asString()).isEqualTo(call(call).activeflowId().toString());
    }

    @Test
    void aChannelsManyEventsAreHandledInTheOrderAsteriskSentThem() {
        CallRow call = answeredInbound();
        String digits = "1234567890".repeat(6);
        SIM.pressDigits(call.channelId(), digits);

        List<JsonNode> received = await().atMost(WAIT).until(
                () -> events.ofCall(CallManagerEvents.CALL_DTMF_RECEIVED, call.id()), l -> l.size() == digits.length());
        assertThat(received.stream().map(d -> d.path("digit").asString()).collect(Collectors.joining()))
                .isEqualTo(digits);
    }

    @Test
    void aCollectionEndsAtTheTerminatorOrWithATimeoutAndWhatArrived() {
        CallRow call = answeredInbound();
        client.digitsReceive(call.id(), new CallRequests.DigitsReceive(10_000, 10, "#", "op-term"));
        SIM.pressDigits(call.channelId(), "42#");
        await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, call.id()),
                l -> l.size() == 1);

        client.digitsReceive(call.id(), new CallRequests.DigitsReceive(300, 10, "#", "op-timeout"));
        SIM.pressDigits(call.channelId(), "7");
        List<JsonNode> finished = await().atMost(WAIT).until(
                () -> events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, call.id()), l -> l.size() == 2);
        assertThat(finished.get(0).path("digits").asString()).isEqualTo("42");
        assertThat(finished.get(1).path("operation_id").asString()).isEqualTo("op-timeout");
        assertThat(finished.get(1).path("result").asString()).isEqualTo("timeout");
        assertThat(finished.get(1).path("digits").asString()).isEqualTo("7");
    }

    @Test
    void aCollectionWhoseTimerWasLostStillEndsWithATimeout() {
        CallRow call = answeredInbound();
        // As after a restart: the collection is stored, its deadline passed, no timer runs for it.
        jdbc.sql("INSERT INTO digit_collections (call_id, operation_id, max_length, terminator, digits, deadline) "
                + "VALUES (:call, 'op-lost', 4, '#', '9', now() - interval '1 minute')").param("call", call.id()).update();

        JsonNode finished = await().atMost(WAIT).until(
                () -> events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, call.id()), l -> !l.isEmpty()).getFirst();
        assertThat(finished.path("operation_id").asString()).isEqualTo("op-lost");
        assertThat(finished.path("result").asString()).isEqualTo("timeout");
        assertThat(finished.path("digits").asString()).isEqualTo("9");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void malformedAriEventsAreSkippedAndLaterEventsStillHandled() {
        proxy.publishRaw("{not json".getBytes(StandardCharsets.UTF_8));
        proxy.publish(new Event(UUID.randomUUID(), AsteriskProxyEvents.ARI_EVENT, AsteriskProxyEvents.PUBLISHER, Instant.now(),
                RpcRequest.JSON, json.readTree("{\"type\":\"StasisStart\",\"channel\":{\"name\":\"no id\"}}"),
                AsteriskEdge.ASTERISK_ID));
        proxy.publish(new Event(UUID.randomUUID(), AsteriskProxyEvents.ARI_EVENT, AsteriskProxyEvents.PUBLISHER, Instant.now(),
                RpcRequest.JSON, json.readTree("{\"type\":\"SomethingNew\",\"x\":1}"), AsteriskEdge.ASTERISK_ID));

        CallRow call = inbound(ownNumber());
        await().atMost(WAIT).until(() -> flows.startedFor(call.id()));
        await().atMost(WAIT).until(() -> ServiceChecks.queueExists(topology.asteriskEvents() + ".dead"));
    }

    @Test
    void aRedeliveredStasisStartCreatesNoSecondCall() {
        String number = ownNumber();
        CallRow call = inbound(number);
        await().atMost(WAIT).until(() -> flows.startedFor(call.id()));

        proxy.publish(new Event(UUID.randomUUID(), AsteriskProxyEvents.ARI_EVENT, AsteriskProxyEvents.PUBLISHER, Instant.now(),
                RpcRequest.JSON, json.readTree("{\"type\":\"StasisStart\",\"args\":[],\"channel\":{\"id\":\""
                        + call.channelId() + "\",\"name\":\"PJSIP/trunk-1\",\"state\":\"Ring\",\"caller\":{\"number\":"
                        + "\"+15559990000\"},\"dialplan\":{\"exten\":\"" + number + "\"}}}"), AsteriskEdge.ASTERISK_ID));
        CallRow later = inbound(ownNumber());
        await().atMost(WAIT).until(() -> flows.startedFor(later.id()));

        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE channel_id = :ch").param("ch", call.channelId())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(events.ofCall(CallManagerEvents.CALL_CREATED, call.id())).hasSize(1);
        assertThat(flows.created.stream().filter(c -> c.referenceId().equals(call.id()))).hasSize(1);
    }

    @Test
    void afterAProxyReconnectCallsWhoseChannelIsGoneAreHungUp() {
        CallRow kept = answeredInbound();
        CallRow lost = answeredInbound();
        List<String> alive = SIM.channelIds().stream().filter(id -> !id.equals(lost.channelId())).toList();

        proxy.publish(new Event(UUID.randomUUID(), AsteriskProxyEvents.PROXY_CONNECTED, AsteriskProxyEvents.PUBLISHER, Instant.now(),
                RpcRequest.JSON, json.valueToTree(new ProxyConnected(AsteriskEdge.ASTERISK_ID, alive)),
                AsteriskEdge.ASTERISK_ID));

        CallRow ended = awaitStatus(lost.id(), CallStatus.HANGUP);
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.REMOTE);
        await().atMost(WAIT).until(() -> !events.ofCall(CallManagerEvents.CALL_HUNGUP, lost.id()).isEmpty());
        assertThat(call(kept).status()).isEqualTo(CallStatus.PROGRESSING);
    }

    @Test
    void aCallThatEndedWhileTheProxyWasAwayEndsWhenTheProxyLostAsteriskNotWhenItCameBack() {
        CallRow call = answeredInbound();
        double reconnects = proxy.reconnects();
        Instant dropping = Instant.now();
        SIM.stopServer();
        Instant dropped = Instant.now();
        try {
            SIM.hangupFromCaller(call.channelId());
            // Time passes while the proxy is away: it tries again, fails and backs off, twice.
            await().atMost(WAIT).until(() -> proxy.reconnects() >= reconnects + 2);
        } finally {
            SIM.startServer();
        }
        Instant back = Instant.now();

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.tmHangup()).as("the hangup time is when the proxy lost Asterisk")
                .isBetween(dropping.minusMillis(50), dropped.plusMillis(250)).isBefore(back.minusMillis(500));
        assertThat(ended.durationMs()).isCloseTo(
                ended.tmHangup().toEpochMilli() - ended.tmProgressing().toEpochMilli(), org.assertj.core.api.Assertions.within(1L));
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.REMOTE);
        JsonNode hungUp = await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_HUNGUP, call.id()),
                l -> !l.isEmpty()).getFirst();
        assertThat(Instant.parse(hungUp.path("tm_hangup").asString())).isEqualTo(ended.tmHangup());
        assertThat(hungUp.path("duration_ms").asLong()).isEqualTo(ended.durationMs());
    }

    @Test
    void aCallThatEndedWhileTheProxyWasStoppedEndsWhenTheProxyStoppedNotWhenTheNextOneStarted() {
        CallRow call = answeredInbound();
        Instant stopping = Instant.now();
        proxy.stopProxy();
        Instant stopped = Instant.now();
        Instant restarting;
        try {
            SIM.hangupFromCaller(call.channelId());
        } finally {
            restarting = Instant.now();
            proxy.startProxy();
        }

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.tmHangup()).as("the hangup time is when the stopped proxy stopped listening")
                .isBetween(stopping.minusMillis(50), stopped.plusMillis(50)).isBefore(restarting);
        JsonNode hungUp = await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_HUNGUP, call.id()),
                l -> !l.isEmpty()).getFirst();
        assertThat(Instant.parse(hungUp.path("tm_hangup").asString())).isEqualTo(ended.tmHangup());
    }

    @Test
    void aReconciledCallEndsNoEarlierThanItsLastKnownMoment() {
        CallRow call = answeredInbound();
        List<String> alive = SIM.channelIds().stream().filter(id -> !id.equals(call.channelId())).toList();
        Instant listed = Instant.now();

        // A disconnect time before the call was even answered: the call was alive at its answer.
        proxy.publish(new Event(UUID.randomUUID(), AsteriskProxyEvents.PROXY_CONNECTED, AsteriskProxyEvents.PUBLISHER,
                listed, RpcRequest.JSON, json.valueToTree(new ProxyConnected(AsteriskEdge.ASTERISK_ID, alive,
                        call.tmCreate().minusSeconds(60))), AsteriskEdge.ASTERISK_ID));

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.tmHangup()).isEqualTo(ended.tmProgressing());
        assertThat(ended.durationMs()).isZero();
    }

    @Test
    void theRealAsteriskStreamsOfTwoCallsDriveThemFromRingingToHangup() throws Exception {
        for (String number : List.of("+1000", "+2000")) {
            read(net.voipbin.testsupport.Http.post(api("/numbers"), token, "{\"number\":\"" + number + "\",\"flow_id\":\""
                    + java.util.UUID.randomUUID() + "\"}"), 201);
        }
        replay("inbound-call-answer-play-hangup.jsonl");
        replay("inbound-call-dtmf.jsonl");

        for (String channel : List.of("1795576153.1", "1795576276.11")) {
            CallRow call = await().atMost(WAIT).until(() -> callRows.findByChannel(channel), java.util.Optional::isPresent)
                    .get();
            CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
            assertThat(ended.customerId()).isEqualTo(customer);
            assertThat(ended.hangupBy()).isEqualTo(HangupBy.REMOTE);
            assertThat(ended.hangupReason()).isEqualTo(net.voipbin.contract.callmanager.Call.HangupReason.NORMAL);
            assertThat(ended.tmProgressing()).isNotNull();
            assertThat(ended.source().target()).isEqualTo("sipp");
            assertThat(flows.startedFor(call.id())).isTrue();
        }
        CallRow dtmf = callRows.findByChannel("1795576276.11").orElseThrow();
        assertThat(operationEvents.receivedDigits(dtmf.id())).isEqualTo("1");
        await().atMost(WAIT).until(() -> events.ofCall(CallManagerEvents.CALL_DTMF_RECEIVED, dtmf.id()).size() == 1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    net.voipbin.callmanager.operation.OperationEvents operationEvents;

    /** The captured event stream, as the proxy would publish it (the REST lines are what the app sent). */
    private void replay(String sample) throws java.io.IOException {
        try (var in = getClass().getResourceAsStream("/asterisk-samples/" + sample)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.contains("\"_rest\"")) {
                    proxy.publish(new Event(UUID.randomUUID(), AsteriskProxyEvents.ARI_EVENT, AsteriskProxyEvents.PUBLISHER, Instant.now(),
                            RpcRequest.JSON, json.readTree(line), AsteriskEdge.ASTERISK_ID));
                }
            }
        }
    }

    private CallRow call(CallRow call) {
        return callRows.find(call.id()).orElseThrow();
    }
}
