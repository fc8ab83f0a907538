package net.voipbin.campaignmanager.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.campaignmanager.support.CampaignITBase;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

class CampaignRestIT extends CampaignITBase {

    @Test
    void anOutplanIsStoredWithItsCallerIdInE164AndBadFieldsAreNamed() {
        JsonNode plan = read(Http.post(api("/outplans"), token, "{\"name\":\"p\",\"source\":\"+1 650-253-0000\","
                + "\"dial_timeout_ms\":30000,\"max_tries\":[2,1],\"retry_busy_ms\":60000,\"retry_no_answer_ms\":120000,"
                + "\"retry_unavailable_ms\":300000,\"retry_failed_ms\":600000}"), 201);
        assertThat(plan.path("source").asString()).isEqualTo("+16502530000");
        assertThat(plan.path("max_tries").toString()).isEqualTo("[2,1]");

        JsonNode badSource = read(Http.post(api("/outplans"), token, "{\"name\":\"p\",\"source\":\"12\","
                + "\"dial_timeout_ms\":30000,\"max_tries\":[1],\"retry_busy_ms\":1,\"retry_no_answer_ms\":1,"
                + "\"retry_unavailable_ms\":1,\"retry_failed_ms\":1}"), 400);
        assertThat(badSource.path("field").asString()).isEqualTo("source");
        JsonNode badTimeout = read(Http.post(api("/outplans"), token, "{\"name\":\"p\",\"source\":\"+16502530000\","
                + "\"dial_timeout_ms\":10,\"max_tries\":[1],\"retry_busy_ms\":1,\"retry_no_answer_ms\":1,"
                + "\"retry_unavailable_ms\":1,\"retry_failed_ms\":1}"), 400);
        assertThat(badTimeout.path("field").asString()).isEqualTo("dial_timeout_ms");
        JsonNode noTries = read(Http.post(api("/outplans"), token, "{\"name\":\"p\",\"source\":\"+16502530000\","
                + "\"dial_timeout_ms\":1000,\"max_tries\":[0,0],\"retry_busy_ms\":1,\"retry_no_answer_ms\":1,"
                + "\"retry_unavailable_ms\":1,\"retry_failed_ms\":1}"), 400);
        assertThat(noTries.path("field").asString()).isEqualTo("max_tries");
    }

    @Test
    void aCampaignWithoutOutplanOrOutdialIsRefusedAtStartNamingTheField() {
        UUID campaign = campaign(talkAndHangup());
        assertThat(read(Http.post(api("/campaigns/" + campaign + "/start"), token, ""), 400).path("field").asString())
                .isEqualTo("outplan_id");
        UUID plan = outplan(5000, "[1]", 1000, 1000, 1000);
        read(Http.put(api("/campaigns/" + campaign), token, "{\"outplan_id\":\"" + plan + "\"}"), 200);
        assertThat(read(Http.put(api("/campaigns/" + campaign + "/status"), token, "{\"status\":\"run\"}"), 400)
                .path("field").asString()).isEqualTo("outdial_id");
        assertThat(campaignState(campaign).path("status").asString()).isEqualTo("stop");
    }

    @Test
    void anotherCustomersResourcesAre404() {
        UUID plan = outplan(5000, "[1]", 1000, 1000, 1000);
        UUID outdial = outdial(List.of(List.of(number())));
        UUID campaign = campaign("\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial + "\"," + talkAndHangup());
        String stranger = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), java.time.Duration.ofHours(1));

        assertThat(Http.get(api("/campaigns/" + campaign), stranger).status()).isEqualTo(404);
        assertThat(Http.post(api("/campaigns/" + campaign + "/start"), stranger, "").status()).isEqualTo(404);
        assertThat(Http.get(api("/campaigns/" + campaign + "/statistics"), stranger).status()).isEqualTo(404);
        assertThat(Http.get(api("/outplans/" + plan), stranger).status()).isEqualTo(404);
        // Naming a stranger's outplan or outdial in one's own campaign: 404 as well.
        assertThat(Http.post(api("/campaigns"), stranger, "{\"name\":\"x\",\"outplan_id\":\"" + plan + "\"}").status())
                .isEqualTo(404);
        assertThat(Http.post(api("/campaigns"), stranger, "{\"name\":\"x\",\"outdial_id\":\"" + outdial + "\"}").status())
                .isEqualTo(404);
        assertThat(read(Http.get(api("/campaigns"), stranger), 200).path("result")).isEmpty();
    }

    @Test
    void campaignsArePagedNewestFirstAndEventsAnnounceEachChange() {
        UUID first = campaign("\"detail\":\"one\"");
        UUID second = campaign("\"detail\":\"two\"");
        JsonNode page = read(Http.get(api("/campaigns?page_size=1"), token), 200);
        assertThat(page.path("result").get(0).path("id").asString()).isEqualTo(second.toString());
        JsonNode next = read(Http.get(api("/campaigns?page_size=1&page_token=" + page.path("next_page_token").asString()),
                token), 200);
        assertThat(next.path("result").get(0).path("id").asString()).isEqualTo(first.toString());

        read(Http.put(api("/campaigns/" + first), token, "{\"dial_rate\":2.5,\"max_in_flight\":3}"), 200);
        assertThat(Http.delete(api("/campaigns/" + first), token).status()).isEqualTo(204);
        assertThat(Http.get(api("/campaigns/" + first), token).status()).isEqualTo(404);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(events.of("campaign_created", "id", first)).hasSize(1);
            assertThat(events.of("campaign_updated", "id", first)).singleElement()
                    .satisfies(c -> assertThat(c.path("dial_rate").asDouble()).isEqualTo(2.5));
            assertThat(events.of("campaign_deleted", "id", first)).hasSize(1);
        });
        JsonNode badRate = read(Http.put(api("/campaigns/" + second), token, "{\"dial_rate\":0}"), 400);
        assertThat(badRate.path("field").asString()).isEqualTo("dial_rate");
        JsonNode badWindow = read(Http.put(api("/campaigns/" + second), token,
                "{\"window\":{\"days\":[\"monday\"],\"start\":\"18:00\",\"end\":\"09:00\"}}"), 400);
        assertThat(badWindow.path("field").asString()).isEqualTo("window.end");
    }

    @Test
    void theDoNotCallListKeepsNumbersInE164OncePerCustomer() {
        JsonNode entry = read(Http.post(api("/dncs"), token, "{\"number\":\"+1 (650) 253-0001\",\"note\":\"asked\"}"), 201);
        assertThat(entry.path("number").asString()).isEqualTo("+16502530001");
        assertThat(read(Http.post(api("/dncs"), token, "{\"number\":\"+16502530001\"}"), 409).path("error").asString())
                .isNotBlank();
        assertThat(read(Http.post(api("/dncs"), token, "{\"number\":\"+1 111 000\"}"), 400).path("field").asString())
                .isEqualTo("number");
        assertThat(read(Http.get(api("/dncs?number=%2B16502530001"), token), 200).path("result")).hasSize(1);
        UUID id = id(entry);
        String stranger = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), java.time.Duration.ofHours(1));
        assertThat(Http.get(api("/dncs/" + id), stranger).status()).isEqualTo(404);
        assertThat(Http.delete(api("/dncs/" + id), stranger).status()).isEqualTo(404);
        assertThat(Http.delete(api("/dncs/" + id), token).status()).isEqualTo(204);
        assertThat(Http.get(api("/dncs/" + id), token).status()).isEqualTo(404);
    }
}
