package net.voipbin.campaignmanager.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.asterisksim.OriginateOutcome;
import net.voipbin.campaignmanager.support.CampaignITBase;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Campaigns dialled through the real call-manager and the simulator: what the far end did (the
 * simulator's originate plans) decides each attempt's result and when the target is tried again.
 */
class CampaignDialingIT extends CampaignITBase {

    @Test
    void mixedOutcomesAreRetriedPerSlotAtTheirIntervalsAndTheCampaignStopsWhenNoTargetIsLeft() {
        String answers = number();
        String busy = number();
        String busyThenSlot1 = number();
        String noAnswer = number();
        String unavailable = number();
        String onDnc = number();
        String ringsTooLong = number();
        // Simulated time, 100x: busy after 200 ms, no answer after 200 ms, unavailable after 100 ms,
        // an answer only after 10 s (our 2 s dial timeout ends it first, as dialout).
        SIM.planOriginate(busy, OriginateOutcome.BUSY, Duration.ofSeconds(20));
        SIM.planOriginate(noAnswer, OriginateOutcome.NO_ANSWER, Duration.ofSeconds(20));
        SIM.planOriginate(unavailable, OriginateOutcome.FAILED, Duration.ofSeconds(10));
        SIM.planOriginate(ringsTooLong, OriginateOutcome.ANSWERED, Duration.ofSeconds(1000));
        read(Http.post(api("/dncs"), token, "{\"number\":\"" + onDnc + "\"}"), 201);
        UUID plan = outplan(2000, "[2,1]", 1500, 1000, 500);
        UUID outdial = outdial(List.of(List.of(answers), List.of(busy, busyThenSlot1), List.of(noAnswer, unavailable),
                List.of(onDnc), List.of(ringsTooLong)));
        UUID campaign = campaign("\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial + "\",\"dial_rate\":10,"
                + "\"max_in_flight\":5," + talkAndHangup());

        read(Http.post(api("/campaigns/" + campaign + "/start"), token, ""), 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> campaignState(campaign), c -> "stop".equals(c.path("status").asString()));

        // Every attempt reached the simulator once, slots in order, each up to its max; DNC never dialled.
        assertThat(originates(answers)).hasSize(1);
        assertThat(originates(busy)).hasSize(2);
        assertThat(originates(busyThenSlot1)).hasSize(1);
        assertThat(originates(noAnswer)).hasSize(2);
        assertThat(originates(unavailable)).hasSize(1);
        assertThat(originates(onDnc)).isEmpty();
        assertThat(originates(ringsTooLong)).hasSize(2);
        // The outplan's caller id and dial timeout reach the originate (Asterisk's limit is ours + 5 s).
        assertThat(originates(answers).getFirst().param("callerId")).contains("+16502530000");
        assertThat(originates(ringsTooLong)).allSatisfy(o -> assertThat(o.param("timeout")).contains("7"));

        List<JsonNode> calls = campaigncalls(campaign);
        assertThat(results(calls, answers)).containsExactly("success");
        assertThat(results(calls, busy)).containsExactly("busy", "busy");
        assertThat(results(calls, busyThenSlot1)).containsExactly("success");
        assertThat(results(calls, noAnswer)).containsExactly("no_answer", "no_answer");
        assertThat(results(calls, unavailable)).containsExactly("unavailable");
        assertThat(results(calls, onDnc)).containsExactly("dnc");
        assertThat(results(calls, ringsTooLong)).containsExactly("no_answer", "no_answer");
        // The next try waits the interval of the result, from the end of the attempt.
        assertRetriedAfter(calls, busy, Duration.ofMillis(1500));
        assertRetriedAfter(calls, noAnswer, Duration.ofMillis(1000));
        assertRetriedAfter(calls, ringsTooLong, Duration.ofMillis(1000));
        assertThat(calls).allSatisfy(c -> assertThat(c.path("status").asString()).isEqualTo("done"));
        // The answered calls ran the campaign's flow.
        assertThat(calls.stream().filter(c -> "success".equals(c.path("result").asString())))
                .allSatisfy(c -> assertThat(c.path("activeflow_id").asString()).isNotBlank());

        JsonNode stats = statistics(campaign);
        assertThat(stats.path("dialed").asLong()).isEqualTo(9);
        assertThat(stats.path("answered").asLong()).isEqualTo(2);
        assertThat(stats.path("success").asLong()).isEqualTo(2);
        assertThat(stats.path("busy").asLong()).isEqualTo(2);
        assertThat(stats.path("no_answer").asLong()).isEqualTo(4);
        assertThat(stats.path("unavailable").asLong()).isEqualTo(1);
        assertThat(stats.path("dnc").asLong()).isEqualTo(1);
        assertThat(stats.path("success_rate").asDouble()).isEqualTo(2.0 / 9);
        JsonNode counts = outdialCounts(outdial);
        assertThat(counts.path("done").asInt()).isEqualTo(2);
        assertThat(counts.path("failed").asInt()).isEqualTo(2);
        assertThat(counts.path("dnc").asInt()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(events.of("campaign_status_run", "id", campaign)).hasSize(1);
            assertThat(events.of("campaign_status_stop", "id", campaign)).hasSize(1);
            assertThat(events.of("campaigncall_created", "campaign_id", campaign)).hasSize(10);
        });
    }

    @Test
    void aStopDialsNothingMoreAndStopsWhenTheLastCallInFlightEnds() {
        String first = number();
        String second = number();
        String third = number();
        for (String n : List.of(first, second, third)) {
            SIM.planOriginate(n, OriginateOutcome.ANSWERED, Duration.ofSeconds(300));
        }
        UUID plan = outplan(20_000, "[1]", 1000, 1000, 1000);
        UUID outdial = outdial(List.of(List.of(first), List.of(second), List.of(third)));
        UUID campaign = campaign("\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial + "\",\"dial_rate\":50,"
                + "\"max_in_flight\":2," + talkAndHangup());

        read(Http.put(api("/campaigns/" + campaign + "/status"), token, "{\"status\":\"run\"}"), 200);
        await().atMost(WAIT).until(() -> statistics(campaign).path("dialed").asLong() == 2);
        JsonNode stopping = read(Http.post(api("/campaigns/" + campaign + "/stop"), token, ""), 200);

        assertThat(stopping.path("status").asString()).isEqualTo("stopping");
        awaitStatus(campaign, "stop");
        assertThat(originates(first).size() + originates(second).size() + originates(third).size()).isEqualTo(2);
        assertThat(results(campaigncalls(campaign), null)).containsExactly("success", "success");
        assertThat(outdialCounts(outdial).path("idle").asInt()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(events.of("campaign_status_stopping", "id", campaign)).hasSize(1);
            assertThat(events.of("campaign_status_stop", "id", campaign)).hasSize(1);
        });
    }

    @Test
    void pacingHoldsTheDialRateAndTheCapOnCallsInFlight() {
        List<String> numbers = java.util.stream.IntStream.range(0, 12).mapToObj(i -> number()).toList();
        numbers.forEach(n -> SIM.planOriginate(n, OriginateOutcome.ANSWERED, Duration.ofSeconds(50)));
        UUID plan = outplan(20_000, "[1]", 1000, 1000, 1000);
        UUID outdial = outdial(numbers.stream().map(List::of).toList());
        UUID campaign = campaign("\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial + "\",\"dial_rate\":4,"
                + "\"max_in_flight\":3," + talkAndHangup());

        read(Http.post(api("/campaigns/" + campaign + "/start"), token, ""), 200);
        awaitStatus(campaign, "stop");

        List<JsonNode> calls = campaigncalls(campaign);
        assertThat(calls).hasSize(12);
        numbers.forEach(n -> assertThat(originates(n)).hasSize(1));
        List<Instant> dials = calls.stream().map(c -> Instant.parse(c.path("tm_create").asString())).sorted().toList();
        // 4 dials/s with at most a second's dials in hand: no second holds more than 8, and the 12 dials
        // take at least (12 - 1 - 4) / 4 s.
        for (Instant start : dials) {
            assertThat(dials.stream().filter(d -> !d.isBefore(start) && d.isBefore(start.plusSeconds(1))).count())
                    .isLessThanOrEqualTo(8);
        }
        assertThat(Duration.between(dials.getFirst(), dials.getLast())).isGreaterThanOrEqualTo(Duration.ofMillis(1750));
        // At no dial were more than 3 calls alive.
        for (JsonNode call : calls) {
            Instant at = Instant.parse(call.path("tm_create").asString());
            long alive = calls.stream().filter(c -> !Instant.parse(c.path("tm_create").asString()).isAfter(at)
                    && Instant.parse(c.path("tm_end").asString()).isAfter(at)).count();
            assertThat(alive).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void theNextCampaignStartsWhenThisOneEndsAndContinueKeepsACampaignRunningForNewTargets() {
        String first = number();
        String second = number();
        UUID plan = outplan(20_000, "[1]", 1000, 1000, 1000);
        UUID nextOutdial = outdial(List.of(List.of(second)));
        UUID next = campaign("\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + nextOutdial + "\",\"end_handle\":\"continue\","
                + talkAndHangup());
        UUID campaign = campaign("\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial(List.of(List.of(first)))
                + "\",\"next_campaign_id\":\"" + next + "\"," + talkAndHangup());

        read(Http.post(api("/campaigns/" + campaign + "/start"), token, ""), 200);
        awaitStatus(campaign, "stop");
        await().atMost(WAIT).until(() -> originates(second).size() == 1);
        assertThat(campaignState(next).path("status").asString()).isEqualTo("run");

        // continue: a target added to the running campaign's outdial later is dialled too.
        String later = number();
        read(Http.post(neighbours.outdialApi() + "/outdials/" + nextOutdial + "/targets", token,
                "{\"destinations\":[\"" + later + "\"]}"), 201);
        await().atMost(WAIT).until(() -> originates(later).size() == 1);
        await().atMost(WAIT).until(() -> statistics(next).path("success").asLong() == 2);
        assertThat(campaignState(next).path("status").asString()).isEqualTo("run");
        read(Http.post(api("/campaigns/" + next + "/stop"), token, ""), 200);
        awaitStatus(next, "stop");
    }

    /** The results of the attempts on {@code number} (every attempt when null), oldest first. */
    private static List<String> results(List<JsonNode> calls, String number) {
        return calls.stream().filter(c -> number == null || number.equals(c.path("destination").asString()))
                .map(c -> c.path("result").asString()).toList();
    }

    private static void assertRetriedAfter(List<JsonNode> calls, String number, Duration interval) {
        List<JsonNode> attempts = calls.stream().filter(c -> number.equals(c.path("destination").asString())).toList();
        for (int i = 1; i < attempts.size(); i++) {
            Instant ended = Instant.parse(attempts.get(i - 1).path("tm_end").asString());
            Instant next = Instant.parse(attempts.get(i).path("tm_create").asString());
            assertThat(Duration.between(ended, next)).isGreaterThanOrEqualTo(interval)
                    .isLessThan(interval.plusSeconds(3));
        }
    }
}
