package net.voipbin.campaignmanager.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.campaignmanager.support.CampaignITBase;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/** A flow campaign runs an activeflow per target, no call; a closed calling window dials nobody. */
class FlowCampaignIT extends CampaignITBase {

    @Test
    void aFlowCampaignRunsOneActiveflowPerTargetAndEndsWithIt() {
        String first = number();
        String second = number();
        UUID plan = outplan(5000, "[1]", 1000, 1000, 1000);
        UUID outdial = outdial(List.of(List.of(first), List.of(second)));
        UUID campaign = campaign("\"type\":\"flow\",\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial + "\","
                + "\"actions\":[{\"type\":\"sleep\",\"option\":{\"duration_ms\":200}},{\"type\":\"stop\"}]");

        read(Http.post(api("/campaigns/" + campaign + "/start"), token, ""), 200);
        awaitStatus(campaign, "stop");

        List<JsonNode> calls = campaigncalls(campaign);
        assertThat(calls).hasSize(2).allSatisfy(c -> {
            assertThat(c.path("result").asString()).isEqualTo("success");
            assertThat(c.has("call_id")).isFalse();
            assertThat(c.path("activeflow_id").asString()).isNotBlank();
        });
        // No call was made: the flow ran with the campaigncall as its reference.
        assertThat(originates(first)).isEmpty();
        assertThat(originates(second)).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> calls.forEach(c -> assertThat(events.of("activeflow_created", "id",
                c.path("activeflow_id").asString())).singleElement()
                .satisfies(af -> assertThat(af.path("reference_id").asString()).isEqualTo(c.path("id").asString()))));
        assertThat(outdialCounts(outdial).path("done").asInt()).isEqualTo(2);
    }

    @Test
    void aTargetOutsideTheCallingWindowWaitsAndIsNotDialled() {
        String number = number();
        UUID plan = outplan(5000, "[1]", 1000, 1000, 1000);
        UUID outdial = outdial(List.of(List.of(number)));
        // A one-hour window every day that is not open now in UTC (the target's zone): later today, or earlier.
        LocalTime now = LocalTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        LocalTime start = now.getHour() < 21 ? now.plusHours(1) : now.minusHours(3);
        LocalTime end = start.plusHours(1);
        UUID campaign = campaign("\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial + "\",\"window\":{\"days\":"
                + "[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\",\"saturday\",\"sunday\"],\"start\":\""
                + start + "\",\"end\":\"" + end + "\"}," + talkAndHangup());

        read(Http.post(api("/campaigns/" + campaign + "/start"), token, ""), 200);
        // The claim found the target outside its window and set it to wait for the next opening.
        await().atMost(WAIT).until(() -> read(Http.get(neighbours.outdialApi() + "/outdials/" + outdial
                + "/targets?status=idle", token), 200).path("result").get(0).path("next_try_at").asString(""),
                at -> !at.isEmpty() && java.time.Instant.parse(at).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(30))));
        assertThat(originates(number)).isEmpty();
        assertThat(campaignState(campaign).path("status").asString()).isEqualTo("run");
        read(Http.post(api("/campaigns/" + campaign + "/stop"), token, ""), 200);
        awaitStatus(campaign, "stop");
    }
}
