package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/** A bridge call-manager made is destroyed in Asterisk when its last channel leaves: nothing is left behind. */
class BridgeCleanupIT extends CallManagerITBase {

    @Test
    void aConnectBridgeIsDestroyedWhenBothPartiesHaveHungUp() {
        CallRow caller = answeredInbound();
        CallRow agent = answeredInbound();
        client.bridge(caller.id(), agent.id());
        String bridge = await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().bridgeId(),
                id -> id != null && proxy.bridgeChannels(id).size() == 2);

        SIM.hangupFromCaller(caller.channelId());
        awaitStatus(caller.id(), CallStatus.HANGUP);
        assertThat(proxy.bridgeExists(bridge)).as("the bridge while the agent is still in it").isTrue();
        SIM.hangupFromCaller(agent.channelId());

        await().atMost(WAIT).until(() -> !proxy.bridgeExists(bridge));
        assertThat(simRequests()).filteredOn(r -> r.method().equals("DELETE") && r.path().endsWith("/bridges/" + bridge))
                .hasSize(1);
    }

    /** Both parties hang up at the same moment: their leaves run side by side, and only the last one out destroys. */
    @Test
    void aBridgeBothPartiesLeaveAtOnceIsDestroyedOnce() {
        List<String> bridges = new ArrayList<>();
        List<CallRow[]> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CallRow caller = answeredInbound();
            CallRow agent = answeredInbound();
            client.bridge(caller.id(), agent.id());
            bridges.add(await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().bridgeId(),
                    id -> id != null && proxy.bridgeChannels(id).size() == 2));
            pairs.add(new CallRow[] {caller, agent});
        }

        for (CallRow[] pair : pairs) {
            SIM.hangupFromCaller(pair[0].channelId());
            SIM.hangupFromCaller(pair[1].channelId());
        }

        await().atMost(WAIT).until(() -> bridges.stream().noneMatch(proxy::bridgeExists));
        for (CallRow[] pair : pairs) {
            awaitStatus(pair[1].id(), CallStatus.HANGUP);
        }
        assertThat(bridges).allSatisfy(bridge -> assertThat(simRequests())
                .filteredOn(r -> r.method().equals("DELETE") && r.path().endsWith("/bridges/" + bridge))
                .as("DELETEs of bridge %s", bridge).hasSize(1));
    }

    @Test
    void aBlindTransfersBridgeIsDestroyedWhenTheConversationEnds() {
        CallRow caller = answeredInbound();
        JsonNode transfer = read(Http.post(api("/calls/" + caller.id() + "/transfer"), token,
                "{\"type\":\"blind\",\"destination\":{\"type\":\"tel\",\"target\":\"+15550301002\"}}"), 201);
        String bridge = await().atMost(WAIT).until(() -> callRows.find(caller.id()).orElseThrow().bridgeId(),
                id -> id != null && proxy.bridgeChannels(id).size() == 2);
        CallRow target = callRows.find(java.util.UUID.fromString(transfer.path("target_call_id").asString()))
                .orElseThrow();

        SIM.hangupFromCaller(caller.channelId());
        awaitStatus(target.id(), CallStatus.HANGUP);

        await().atMost(WAIT).until(() -> !proxy.bridgeExists(bridge));
    }
}
