package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed flow 2 end to end, every service a process: a campaign of 20 targets with two destination slots
 * and mixed outcomes (the simulator's originate plans) dialled by two campaign-manager instances, one of
 * which is killed with SIGKILL mid-campaign. Every attempt reaches the simulator exactly once (no target
 * attempt dialled twice, none lost), with the outplan's dial timeout; retries wait their result's
 * interval; answered calls run the campaign's flow; statistics and final statuses add up.
 */
class CampaignIT {

    private static final JsonMapper JSON = Json.newMapper();
    private static final int DIAL_TIMEOUT_MS = 2000;
    private static final Map<String, Duration> INTERVALS = Map.of("busy", Duration.ofMillis(1000), "no_answer",
            Duration.ofMillis(1500), "unavailable", Duration.ofMillis(500));

    private static SystemFleet fleet;
    private static BusRecorder bus;

    @BeforeAll
    static void startFleet() {
        // Short stale-claim and lease margins, so the killed instance's claims come back within the test.
        List<String> campaignSettings = List.of("--voipbin.campaign.stale-claim=8s",
                "--voipbin.campaign.lease-margin=4s", "--voipbin.campaign.keeper-period=1s");
        fleet = SystemFleet.builder().asteriskId("asterisk-campaign").callPath().with("outdial-manager", List.of())
                .with("campaign-manager-a", "campaign-manager", campaignSettings)
                .with("campaign-manager-b", "campaign-manager", campaignSettings).start();
        bus = new BusRecorder(TestInfra.rabbit().connectionFactory(), fleet.eventExchange());
    }

    @AfterAll
    static void stopFleet() {
        if (bus != null) {
            bus.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void twentyTargetsWithMixedOutcomesAreEachDialledOncePerAttemptAcrossAKilledInstance() {
        UUID customer = UUID.randomUUID();
        String token = fleet.tokenFor(customer);
        String base = "+1650254" + String.format("%02d", (int) (Math.random() * 50));
        List<List<String>> targets = new ArrayList<>();
        Map<String, Integer> expectedDials = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String slot0 = base + String.format("%02d", i);
            String slot1 = base + String.format("%02d", 50 + i);
            targets.add(List.of(slot0, slot1));
            switch (i % 5) {
                case 0 -> {  // answers at once: one attempt
                    fleet.sim().planOriginate(slot0, "answered", Duration.ofMillis(500));
                    expectedDials.put(slot0, 1);
                }
                case 1 -> {  // busy twice (slot 0's max), then slot 1 answers
                    fleet.sim().planOriginate(slot0, "busy", Duration.ofMillis(300));
                    fleet.sim().planOriginate(slot1, "answered", Duration.ofMillis(500));
                    expectedDials.put(slot0, 2);
                    expectedDials.put(slot1, 1);
                }
                case 2 -> {  // no answer twice, then slot 1 unavailable: the target fails
                    fleet.sim().planOriginate(slot0, "no_answer", Duration.ofMillis(300));
                    fleet.sim().planOriginate(slot1, "failed", Duration.ofMillis(200));
                    expectedDials.put(slot0, 2);
                    expectedDials.put(slot1, 1);
                }
                case 3 -> {  // rings past our dial timeout twice (dialout), then slot 1 answers
                    fleet.sim().planOriginate(slot0, "answered", Duration.ofSeconds(30));
                    fleet.sim().planOriginate(slot1, "answered", Duration.ofMillis(500));
                    expectedDials.put(slot0, 2);
                    expectedDials.put(slot1, 1);
                }
                default -> {  // on the customer's do-not-call list: never dialled
                    read(Http.post(campaignManagerA("/dncs"), token, "{\"number\":\"" + slot0 + "\"}"), 201);
                    expectedDials.put(slot0, 0);
                    expectedDials.put(slot1, 0);
                }
            }
        }
        UUID outdial = outdial(token, targets);
        UUID plan = id(read(Http.post(campaignManagerA("/outplans"), token, "{\"name\":\"p\","
                + "\"source\":\"+16502530000\",\"dial_timeout_ms\":" + DIAL_TIMEOUT_MS + ",\"max_tries\":[2,1],"
                + "\"retry_busy_ms\":1000,\"retry_no_answer_ms\":1500,\"retry_unavailable_ms\":500,\"retry_failed_ms\":500}"),
                201));
        UUID campaign = id(read(Http.post(campaignManagerA("/campaigns"), token, "{\"name\":\"seed flow 2\","
                + "\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial + "\",\"dial_rate\":4,\"max_in_flight\":6,"
                + "\"actions\":[{\"type\":\"talk\",\"option\":{\"text\":\"hello world\"}},{\"type\":\"hangup\"}]}"), 201));

        read(Http.post(campaignManagerB("/campaigns/" + campaign + "/start"), token, ""), 200);
        await().atMost(Duration.ofMinutes(2)).until(() -> stats(token, campaign).path("dialed").asLong() >= 12);
        fleet.kill("campaign-manager-b");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> "stop".equals(read(Http.get(campaignManagerA("/campaigns/" + campaign), token), 200)
                        .path("status").asString()));

        List<SimControl.AriRequest> originates = fleet.sim().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/ari/channels")
                        && r.param("endpoint") != null && r.param("endpoint").contains(base)).toList();
        Map<String, Integer> dialled = new HashMap<>();
        originates.forEach(o -> expectedDials.keySet().stream().filter(n -> o.param("endpoint").contains(n)).findFirst()
                .ifPresent(n -> dialled.merge(n, 1, Integer::sum)));
        expectedDials.forEach((number, expected) -> assertThat(dialled.getOrDefault(number, 0))
                .as("originates of %s", number).isEqualTo(expected));
        assertThat(originates).hasSize(40).allSatisfy(o -> assertThat(o.param("timeout"))
                .isEqualTo(Long.toString(DIAL_TIMEOUT_MS / 1000 + 5)));

        List<JsonNode> calls = campaigncalls(token, campaign);
        assertThat(calls).hasSize(44);
        assertRetriesWaited(calls);
        // Answered calls ran the flow: the talk reached the simulator on each of their channels.
        List<String> answered = calls.stream().filter(c -> "success".equals(c.path("result").asString()))
                .map(c -> c.path("call_id").asString()).toList();
        assertThat(answered).hasSize(12);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fleet.sim().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().contains("/play/")
                        && r.param("media") != null && r.param("media").contains("hello-world"))
                .map(r -> answered.stream().filter(r.path()::contains).findFirst().orElse("")).filter(c -> !c.isEmpty())
                .distinct().count()).isEqualTo(12));

        JsonNode stats = stats(token, campaign);
        assertThat(stats.path("dialed").asLong()).isEqualTo(40);
        assertThat(stats.path("answered").asLong()).isEqualTo(12);
        assertThat(stats.path("success").asLong()).isEqualTo(12);
        assertThat(stats.path("busy").asLong()).isEqualTo(8);
        assertThat(stats.path("no_answer").asLong()).isEqualTo(16);
        assertThat(stats.path("unavailable").asLong()).isEqualTo(4);
        assertThat(stats.path("dnc").asLong()).isEqualTo(4);
        assertThat(stats.path("success_rate").asDouble()).isEqualTo(0.3);
        JsonNode counts = read(Http.get(outdialManager("/outdials/" + outdial + "/counts"), token), 200);
        assertThat(counts.path("done").asInt()).isEqualTo(12);
        assertThat(counts.path("failed").asInt()).isEqualTo(4);
        assertThat(counts.path("dnc").asInt()).isEqualTo(4);
        assertThat(counts.path("total").asInt()).isEqualTo(20);
        // Counted by event_id: an event the killed instance committed but had not marked sent is sent again by
        // the outbox with the same event_id (at least once; subscribers de-duplicate on it).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(bus.matching(e -> e.type().equals("campaign_status_stop")
                    && campaign.toString().equals(e.data().path("id").asString()))
                    .stream().map(BusRecorder.BusEvent::eventId).distinct()).hasSize(1);
            assertThat(bus.matching(e -> e.type().equals("campaigncall_created")
                    && campaign.toString().equals(e.data().path("campaign_id").asString()))
                    .stream().map(BusRecorder.BusEvent::eventId).distinct()).hasSize(44);
        });
    }

    /** Each target's next attempt was claimed no sooner than its previous result's interval after it ended. */
    private static void assertRetriesWaited(List<JsonNode> calls) {
        Map<String, List<JsonNode>> byTarget = new HashMap<>();
        calls.forEach(c -> byTarget.computeIfAbsent(c.path("outdial_target_id").asString(), k -> new ArrayList<>()).add(c));
        byTarget.values().forEach(attempts -> {
            for (int i = 1; i < attempts.size(); i++) {
                JsonNode previous = attempts.get(i - 1);
                Duration interval = INTERVALS.get(previous.path("result").asString());
                Duration waited = Duration.between(Instant.parse(previous.path("tm_end").asString()),
                        Instant.parse(attempts.get(i).path("tm_create").asString()));
                assertThat(waited).as("wait after %s", previous.path("result").asString()).isGreaterThanOrEqualTo(interval);
            }
        });
    }

    private static UUID outdial(String token, List<List<String>> targets) {
        UUID outdial = id(read(Http.post(outdialManager("/outdials"), token, "{\"name\":\"seed flow 2\"}"), 201));
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < targets.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\":\"t").append(i).append("\",\"time_zone\":\"UTC\",")
                    .append("\"destinations\":[\"").append(targets.get(i).get(0)).append("\",\"")
                    .append(targets.get(i).get(1)).append("\"]}");
        }
        JsonNode imported = read(Http.post(outdialManager("/outdials/" + outdial + "/targets/import"), token,
                body.append("]").toString()), 200);
        assertThat(imported.path("imported").asInt()).isEqualTo(targets.size());
        return outdial;
    }

    private static JsonNode stats(String token, UUID campaign) {
        return read(Http.get(campaignManagerA("/campaigns/" + campaign + "/statistics"), token), 200);
    }

    /** Every campaigncall, oldest first. */
    private static List<JsonNode> campaigncalls(String token, UUID campaign) {
        List<JsonNode> rows = new ArrayList<>();
        String next = "";
        do {
            JsonNode page = read(Http.get(campaignManagerA("/campaigns/" + campaign + "/campaigncalls?page_size=100"
                    + (next.isEmpty() ? "" : "&page_token=" + next)), token), 200);
            page.path("result").forEach(rows::add);
            next = page.path("next_page_token").asString("");
        } while (!next.isEmpty());
        return rows.reversed();
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.path("id").asString());
    }

    private static JsonNode read(Http.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + ", got " + response);
        }
        return response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static String campaignManagerA(String path) {
        return fleet.url("campaign-manager-a", path);
    }

    private static String campaignManagerB(String path) {
        return fleet.url("campaign-manager-b", path);
    }

    private static String outdialManager(String path) {
        return fleet.url("outdial-manager", path);
    }
}
