package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.AriPartitions;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The launcher's smallest fleet: asterisk-sim behind asterisk-proxy, both as processes, on the real broker. */
class AsteriskEdgeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = Json.newMapper();

    private static SystemFleet fleet;

    @BeforeAll
    static void startFleet() {
        fleet = SystemFleet.builder().start();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void theProxyReportsItsAriConnectionUp() {
        Http.Response health = Http.get("http://127.0.0.1:" + fleet.port("asterisk-proxy") + "/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("ari").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void aPlacedCallsStasisStartArrivesOnTheAsteriskEventQueue() throws Exception {
        try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection("system-tests-edge");
                Channel amqp = connection.createChannel()) {
            // No call-manager here, and the proxy declares no event queue: lay it out as one with one partition would.
            new AriPartitions(new Topology(fleet.namespace(), "bin-manager.event"), 1).declare(amqp);
            String channel = fleet.sim().placeCall("+15550001111", "+15550002222");
            JsonNode stasisStart = await().atMost(WAIT).until(() -> nextStasisStart(amqp, channel), e -> e != null);

            assertThat(stasisStart.path("publisher").asString()).isEqualTo("asterisk-proxy");
            assertThat(stasisStart.path("asterisk_id").asString()).isEqualTo(fleet.asteriskId());
            JsonNode ari = stasisStart.path("data");
            assertThat(ari.path("channel").path("dialplan").path("exten").asString()).isEqualTo("+15550002222");
            assertThat(ari.path("channel").path("caller").path("number").asString()).isEqualTo("+15550001111");
        }
    }

    /** Takes envelopes off the queue (nobody else consumes it here) until this channel's StasisStart. */
    private static JsonNode nextStasisStart(Channel amqp, String channelId) throws Exception {
        for (GetResponse message = amqp.basicGet(fleet.asteriskEvents(), true); message != null;
                message = amqp.basicGet(fleet.asteriskEvents(), true)) {
            JsonNode envelope = JSON.readTree(message.getBody());
            JsonNode data = envelope.path("data");
            if ("StasisStart".equals(data.path("type").asString(""))
                    && channelId.equals(data.path("channel").path("id").asString(""))) {
                return envelope;
            }
        }
        return null;
    }
}
