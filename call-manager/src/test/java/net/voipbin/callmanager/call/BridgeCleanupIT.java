package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
