package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.voipbin.testsupport.BrokerControl;
import tools.jackson.databind.JsonNode;

/**
 * RabbitMQ stopped for 6 s and started again while callers keep dialing (10 calls/s): every call still
 * ends cleanly, none is stuck live, none is turned away because its flow could not be started while the
 * services reconnected.
 */
class BrokerRestartIT {

    /** Notes of a call hung up because its flow never started: the caller was turned away. */
    private static final Set<String> TURNED_AWAY = Set.of("activeflow_failed", "number_not_found", "number_without_flow");
    private static final int RATE = 10;
    private static final int SECONDS = 14;

    private static SystemFleet fleet;
    private final CustomerApi customer = new CustomerApi(fleet);

    @BeforeAll
    static void startFleet() {
        fleet = SystemFleet.builder().callPath().start();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void callsPlacedAcrossABrokerRestartAllEndCleanlyAndNoneIsTurnedAway() throws Exception {
        String number = customer.numberRunning("""
                {"name": "greeting", "actions": [
                  {"id": "answer", "type": "answer", "option": {}},
                  {"id": "greet", "type": "talk", "option": {"text": "hello world", "language": "en-US"}},
                  {"id": "bye", "type": "hangup", "option": {"reason": "normal"}}
                ]}""");
        List<String> channels = new ArrayList<>();
        CompletableFuture<Void> restart = null;
        for (int i = 0; i < RATE * SECONDS; i++) {
            if (i == RATE * 4) {
                restart = CompletableFuture.runAsync(() -> BrokerControl.restart(Duration.ofSeconds(6)));
            }
            channels.add(fleet.sim().placeCall("+1555000" + (1000 + i), number));
            Thread.sleep(1000 / RATE);
        }
        restart.get();

        // Every channel gone from the simulator: each call was hung up by its flow (or ended otherwise).
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> fleet.sim().liveChannels().stream().noneMatch(channels::contains));
        Map<String, JsonNode> calls = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> customer.callsByChannel(fleet::callManager), byChannel -> byChannel.keySet().containsAll(channels)
                        && byChannel.values().stream().allMatch(c -> "hangup".equals(c.path("status").asString())));

        List<String> turnedAway = channels.stream().map(calls::get)
                .filter(call -> TURNED_AWAY.contains(call.path("hangup_note").asString(""))).map(JsonNode::toString)
                .toList();
        assertThat(turnedAway).as("callers turned away").isEmpty();
        for (String channel : channels) {
            String activeflowId = calls.get(channel).path("activeflow_id").asString();
            JsonNode activeflow = customer.get(fleet.flowManager("/activeflows/" + activeflowId));
            assertThat(activeflow.path("status").asString()).as("activeflow %s", activeflow).isEqualTo("ended");
        }
    }
}
