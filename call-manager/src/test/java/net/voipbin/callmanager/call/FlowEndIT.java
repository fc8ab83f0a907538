package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.Call.HangupBy;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.rpc.envelope.Event;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call whose flow ends is hung up unless the flow handed it over: the caller is never left in silence
 * after the last action, a {@code stop} or a failed action; and no call outlasts the maximum duration.
 */
class FlowEndIT extends CallManagerITBase {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aCallWhoseFlowEndsIsHungUpWithTheFlowsEndAsItsNote() {
        CallRow call = answeredInbound();

        flowEnded(call.id(), call.activeflowId(), null);

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.LOCAL);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.NORMAL);
        assertThat(ended.hangupNote()).isEqualTo("flow_ended");
        assertThat(requestsFor(call.channelId())).containsOnlyOnce("DELETE /ari/channels/{ch}");
    }

    @Test
    void aCallWhoseFlowFailedIsHungUpAsFailed() {
        CallRow call = answeredInbound();

        flowEnded(call.id(), call.activeflowId(), "play (action 'menu') failed: 504 rpc_timeout: no response");

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.FAILED);
        assertThat(ended.hangupNote()).isEqualTo("flow_failed");
    }

    @Test
    void aCallInABridgeStaysUpWhenItsFlowEnds() {
        CallRow caller = answeredInbound();
        CallRow agent = answeredInbound();
        client.bridge(caller.id(), agent.id());
        await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().bridgeId() != null);

        flowEnded(caller.id(), caller.activeflowId(), null);

        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(
                () -> callRows.find(caller.id()).orElseThrow().status() == CallStatus.PROGRESSING);
        assertThat(requestsFor(caller.channelId())).doesNotContain("DELETE /ari/channels/{ch}");
    }

    @Test
    void aCallWhoseTransferIsStillDialingStaysUpWhenItsFlowEnds() {
        CallRow call = answeredInbound();
        SIM.planOriginate("+15550301009", net.voipbin.asterisksim.OriginateOutcome.ANSWERED, Duration.ofSeconds(1000));
        read(net.voipbin.testsupport.Http.post(api("/calls/" + call.id() + "/transfer"), token,
                "{\"type\":\"blind\",\"destination\":{\"type\":\"tel\",\"target\":\"+15550301009\"}}"), 201);

        flowEnded(call.id(), call.activeflowId(), null);

        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(
                () -> callRows.find(call.id()).orElseThrow().status() == CallStatus.PROGRESSING);
        assertThat(requestsFor(call.channelId())).doesNotContain("DELETE /ari/channels/{ch}");
    }

    @Test
    void theEndOfAFlowTheCallNoLongerRunsChangesNothing() {
        CallRow call = answeredInbound();

        flowEnded(call.id(), UUID.randomUUID(), null);

        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(
                () -> callRows.find(call.id()).orElseThrow().status() == CallStatus.PROGRESSING);
    }

    @Test
    void aCallAlreadyHangingUpIsNotToldTwice() {
        CallRow call = answeredInbound();
        client.hangup(call.id(), net.voipbin.contract.callmanager.Call.HangupReason.NORMAL);
        awaitStatus(call.id(), CallStatus.HANGUP);

        flowEnded(call.id(), call.activeflowId(), null);

        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(
                () -> requestsFor(call.channelId()).stream().filter("DELETE /ari/channels/{ch}"::equals).count() == 1);
    }

    @Test
    void aCallLongerThanTheMaximumDurationIsHungUpWhateverItsFlowDoes() {
        CallRow call = answeredInbound();
        // As if it had been going for longer than the four hours a call may last by default.
        jdbc.sql("UPDATE calls SET tm_create = now() - interval '5 hours' WHERE id = :id").param("id", call.id())
                .update();

        CallRow ended = awaitStatus(call.id(), CallStatus.HANGUP);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.TIMEOUT);
        assertThat(ended.hangupNote()).isEqualTo("max_duration");
        assertThat(requestsFor(call.channelId())).containsOnlyOnce("DELETE /ari/channels/{ch}");
    }

    /** flow-manager's announcement that the call's activeflow ended, as it publishes it. */
    private void flowEnded(UUID callId, UUID activeflowId, String error) {
        ObjectNode activeflow = json.createObjectNode()
                .put("id", activeflowId.toString())
                .put("customer_id", customer.toString())
                .put("reference_type", "call")
                .put("reference_id", callId.toString())
                .put("status", "ended");
        if (error != null) {
            activeflow.put("error", error);
        }
        Event event = new Event(FlowManagerEvents.ACTIVEFLOW_DELETED, FlowManagerEvents.PUBLISHER, Instant.now(),
                activeflow);
        new RabbitTemplate(connectionFactory).send(topology.eventExchange(), event.routingKey(),
                new org.springframework.amqp.core.Message(json.writeValueAsBytes(event)));
    }
}
