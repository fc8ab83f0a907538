package net.voipbin.systemtests.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** One customer of a console test: its token, and the resources it sets up through the public API. */
final class ConsoleCustomer {

    /** Answers, then holds the caller (the flow step the console shows) until someone hangs up. */
    static final String HOLD_FLOW = """
            {"name": "hold line", "actions": [
              {"id": "pickup", "type": "answer"},
              {"id": "hold", "type": "sleep", "option": {"duration_ms": 600000}}
            ]}""";

    private static final SecureRandom RANDOM = new SecureRandom();

    final UUID id = UUID.randomUUID();
    final String token;
    private final ConsoleFleet fleet;

    ConsoleCustomer(ConsoleFleet fleet) {
        this.fleet = fleet;
        this.token = fleet.tokenFor(id);
    }

    static String randomNumber(String prefix) {
        StringBuilder number = new StringBuilder(prefix);
        while (number.length() < 12) {
            number.append(RANDOM.nextInt(10));
        }
        return number.toString();
    }

    /** The first ten characters of a campaign's target numbers: valid US numbers (outdial-manager checks them). */
    static String targetPrefix() {
        return "+1650254" + RANDOM.nextInt(10) + RANDOM.nextInt(10);
    }

    JsonNode get(String path) {
        return fleet.api("GET", path, token, null, 200);
    }

    JsonNode create(String path, String body) {
        return fleet.api("POST", path, token, body, 201);
    }

    JsonNode post(String path, String body, int expected) {
        return fleet.api("POST", path, token, body, expected);
    }

    JsonNode put(String path, String body) {
        return fleet.api("PUT", path, token, body, 200);
    }

    /** A fresh number of this customer running {@code flow}; returns the number. */
    String numberRunning(String flow) {
        String flowId = create("/flows", flow).path("id").asString();
        String number = randomNumber("+1555");
        create("/numbers", "{\"number\": \"" + number + "\", \"flow_id\": \"" + flowId + "\", \"name\": \"console test\"}");
        return number;
    }

    /**
     * A campaign (status stop) calling {@code targets} numbers {@code prefix} + two digits: an outdial
     * with one target per number, an outplan of one try, a talk-and-hang-up flow, {@code rate} dials a second.
     */
    JsonNode campaign(String name, String prefix, int targets, double rate) {
        String outdial = create("/outdials", "{\"name\": \"" + name + " list\"}").path("id").asString();
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < targets; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"destinations\": [\"").append(prefix)
                    .append(String.format("%02d", i)).append("\"]}");
        }
        JsonNode imported = post("/outdials/" + outdial + "/targets/import", rows.append("]").toString(), 200);
        if (imported.path("imported").asInt() != targets) {
            throw new IllegalStateException("targets refused: " + imported);
        }
        String outplan = create("/outplans", "{\"name\": \"" + name + " plan\", \"source\": \"+16502530000\","
                + "\"dial_timeout_ms\": 10000, \"max_tries\": [1], \"retry_busy_ms\": 1000, \"retry_no_answer_ms\": 1000,"
                + "\"retry_unavailable_ms\": 1000, \"retry_failed_ms\": 1000}").path("id").asString();
        return create("/campaigns", "{\"name\": \"" + name + "\", \"outplan_id\": \"" + outplan + "\", \"outdial_id\": \""
                + outdial + "\", \"dial_rate\": " + rate + ", \"max_in_flight\": 2, \"actions\": ["
                + "{\"type\": \"talk\", \"option\": {\"text\": \"this is a test call\"}}, {\"type\": \"hangup\"}]}");
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
