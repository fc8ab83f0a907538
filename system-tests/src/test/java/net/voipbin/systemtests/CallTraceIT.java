package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.trace.Trace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One inbound call followed through the fleet's logs: asterisk-proxy, call-manager and flow-manager as processes
 * writing JSON lines (Spring Boot's structured logging, as an operator would switch on), and every line that
 * names the call, its channel or its activeflow carries one trace id, the channel's, stamped by asterisk-proxy
 * on the call's ARI events and carried on by every RPC and event that follows.
 */
class CallTraceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = Json.newMapper();
    private static final List<String> SERVICES = List.of("asterisk-proxy", "call-manager", "flow-manager");

    private static SystemFleet fleet;

    @BeforeAll
    static void startFleet() {
        fleet = SystemFleet.builder().callPath().everyServiceWith(List.of("--logging.structured.format.console=ecs",
                // asterisk-proxy logs each ARI command it passes on at debug only.
                "--logging.level.net.voipbin.asteriskproxy.rpc=DEBUG")).start();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void everyLineOfOneCallInEveryServiceCarriesTheCallsTraceId() {
        CustomerApi customer = new CustomerApi(fleet);
        String number = customer.numberRunning("""
                {"name": "traced", "actions": [
                  {"id": "answer", "type": "answer", "option": {}},
                  {"id": "greet", "type": "talk", "option": {"text": "hello", "language": "en-US"}},
                  {"id": "bye", "type": "hangup", "option": {}}]}""");
        String channel = fleet.sim().placeCall("+15550002222", number);
        JsonNode call = await().atMost(WAIT).until(() -> customer.callsByChannel(fleet::callManager).get(channel),
                c -> c != null && "hangup".equals(c.path("status").asString()));
        String callId = call.path("id").asString();
        String activeflowId = call.path("activeflow_id").asString();
        String trace = Trace.forKey(channel);

        Map<String, List<JsonNode>> linesOfTheCall = await().atMost(WAIT).until(
                () -> linesNaming(List.of(callId, channel, activeflowId)),
                lines -> SERVICES.stream().allMatch(service -> !lines.get(service).isEmpty()));

        linesOfTheCall.forEach((service, lines) -> assertThat(lines).as("%s's lines of call %s", service, callId)
                .allSatisfy(line -> {
                    assertThat(line.path("trace_id").asString()).as("trace of %s", line.path("message")).isEqualTo(trace);
                    assertThat(line.path("service").path("name").asString()).isEqualTo(service);
                }));
    }

    /** Each service's JSON lines whose message names one of {@code ids}; a line that is no JSON fails the test. */
    private static Map<String, List<JsonNode>> linesNaming(List<String> ids) {
        return SERVICES.stream().collect(java.util.stream.Collectors.toMap(service -> service,
                service -> jsonLines(fleet.output(service))
                        .filter(line -> ids.stream().anyMatch(id -> line.path("message").asString("").contains(id)))
                        .toList()));
    }

    private static Stream<JsonNode> jsonLines(String output) {
        return output.lines().filter(line -> line.startsWith("{")).map(JSON::readTree);
    }
}
