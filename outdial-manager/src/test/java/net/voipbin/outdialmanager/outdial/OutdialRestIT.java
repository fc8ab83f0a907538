package net.voipbin.outdialmanager.outdial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.outdialmanager.OutdialManagerEvents;
import net.voipbin.outdialmanager.support.OutdialManagerITBase;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/** REST as a customer uses it: CRUD, validation naming the field, pages, counts, isolation, events. */
class OutdialRestIT extends OutdialManagerITBase {

    @Test
    void anOutdialIsCreatedReadRenamedListedAndDeletedAndEachChangeIsAnnounced() {
        UUID id = createOutdial("spring sale");

        JsonNode read = read(Http.get(api("/outdials/" + id), token), 200);
        assertThat(read.path("name").asString()).isEqualTo("spring sale");
        assertThat(read.path("customer_id").asString()).isEqualTo(customer.toString());
        JsonNode renamed = read(Http.put(api("/outdials/" + id), token, "{\"name\":\"summer sale\",\"detail\":\"q3\"}"), 200);
        assertThat(renamed.path("name").asString()).isEqualTo("summer sale");
        assertThat(renamed.path("detail").asString()).isEqualTo("q3");
        assertThat(read(Http.get(api("/outdials"), token), 200).path("result").get(0).path("id").asString())
                .isEqualTo(id.toString());
        read(Http.delete(api("/outdials/" + id), token), 204);
        read(Http.get(api("/outdials/" + id), token), 404);
        read(Http.get(api("/outdials/" + id + "/targets"), token), 404);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(events.of(OutdialManagerEvents.OUTDIAL_CREATED, "id", id)).hasSize(1);
            assertThat(events.of(OutdialManagerEvents.OUTDIAL_UPDATED, "id", id)).hasSize(1);
            assertThat(events.of(OutdialManagerEvents.OUTDIAL_DELETED, "id", id)).hasSize(1);
        });
        assertThat(events.of(OutdialManagerEvents.OUTDIAL_UPDATED, "id", id).getFirst().path("customer_id").asString())
                .isEqualTo(customer.toString());
    }

    @Test
    void aTargetIsStoredInE164WithItsTimeZoneAndChangedAndDeleted() {
        UUID outdial = createOutdial("list");
        JsonNode created = read(Http.post(api("/outdials/" + outdial + "/targets"), token,
                "{\"name\":\"Ann\",\"data\":{\"order\":42},\"destinations\":[\"+1 (650) 253-0000\","
                        + "{\"type\":\"tel\",\"target\":\"+44 20 7946 0958\"}]}"), 201);
        UUID id = UUID.fromString(created.path("id").asString());
        assertThat(created.path("destinations").get(0).path("number").asString()).isEqualTo("+16502530000");
        assertThat(created.path("destinations").get(1).path("number").asString()).isEqualTo("+442079460958");
        assertThat(created.path("destinations").get(0).path("try_count").asInt()).isZero();
        assertThat(created.path("time_zone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(created.path("status").asString()).isEqualTo("idle");
        assertThat(created.path("data").path("order").asInt()).isEqualTo(42);

        JsonNode changed = read(Http.put(api("/outdials/" + outdial + "/targets/" + id), token,
                "{\"destinations\":[\"(212) 555-0100\"],\"detail\":\"moved\"}".replace("(212)", "+1 (212)")), 200);
        assertThat(changed.path("destinations")).hasSize(1);
        assertThat(changed.path("time_zone").asString()).isEqualTo("America/New_York");
        assertThat(changed.path("name").asString()).isEqualTo("Ann");
        JsonNode zoned = read(Http.put(api("/outdials/" + outdial + "/targets/" + id), token,
                "{\"time_zone\":\"Europe/Berlin\"}"), 200);
        assertThat(zoned.path("time_zone").asString()).isEqualTo("Europe/Berlin");

        read(Http.delete(api("/outdials/" + outdial + "/targets/" + id), token), 204);
        read(Http.get(api("/outdials/" + outdial + "/targets/" + id), token), 404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(events.of(OutdialManagerEvents.OUTDIALTARGET_CREATED, "id", id)).hasSize(1);
            assertThat(events.of(OutdialManagerEvents.OUTDIALTARGET_UPDATED, "id", id)).hasSize(2);
            assertThat(events.of(OutdialManagerEvents.OUTDIALTARGET_DELETED, "id", id)).hasSize(1);
        });
    }

    @Test
    void invalidRequestsAre400NamingTheField() {
        UUID outdial = createOutdial("bad input");
        String targets = api("/outdials/" + outdial + "/targets");
        assertThat(read(Http.post(api("/outdials"), token, "{\"name\":\" \"}"), 400).path("field").asString())
                .isEqualTo("name");
        JsonNode badNumber = read(Http.post(targets, token, "{\"destinations\":[\"+16502530000\",\"+1 111 253 0000\"]}"), 400);
        assertThat(badNumber.path("field").asString()).isEqualTo("destinations[1]");
        assertThat(badNumber.path("message").asString()).contains("not a valid number for US");
        assertThat(read(Http.post(targets, token, "{\"destinations\":[]}"), 400).path("field").asString())
                .isEqualTo("destinations");
        assertThat(read(Http.post(targets, token, "{\"destinations\":[\"+16502530000\"],\"time_zone\":\"Mars/Base\"}"), 400)
                .path("field").asString()).isEqualTo("time_zone");
        assertThat(read(Http.post(targets, token, "{\"destinations\":\"+16502530000\"}"), 400).path("field").asString())
                .isEqualTo("destinations");
        assertThat(read(Http.post(targets + "?region=XX", token, "{\"destinations\":[\"6502530000\"]}"), 400)
                .path("field").asString()).isEqualTo("region");
        assertThat(read(Http.post(targets + "?region=US", token, "{\"destinations\":[\"6502530000\"]}"), 201)
                .path("destinations").get(0).path("number").asString()).isEqualTo("+16502530000");
        assertThat(read(Http.get(targets + "?status=flying", token), 400).path("field").asString()).isEqualTo("status");
        assertThat(read(Http.get(targets + "?page_size=0", token), 400).path("field").asString()).isEqualTo("page_size");
        assertThat(read(Http.get(api("/outdials/not-a-uuid"), token), 400).path("error").asString())
                .isEqualTo("invalid_argument");
        read(Http.post(targets, token, "not json"), 400);
        read(Http.get(api("/outdials"), null), 401);
    }

    @Test
    void anotherCustomersOutdialsAndTargetsAreNotFound() {
        UUID outdial = createOutdial("mine");
        UUID target = createTarget(outdial, "{\"destinations\":[\"+16502530000\"]}");
        String other = tokenFor(UUID.randomUUID());
        read(Http.get(api("/outdials/" + outdial), other), 404);
        read(Http.put(api("/outdials/" + outdial), other, "{\"name\":\"theirs\"}"), 404);
        read(Http.delete(api("/outdials/" + outdial), other), 404);
        read(Http.get(api("/outdials/" + outdial + "/targets"), other), 404);
        read(Http.get(api("/outdials/" + outdial + "/counts"), other), 404);
        read(Http.get(api("/outdials/" + outdial + "/targets/" + target), other), 404);
        read(Http.delete(api("/outdials/" + outdial + "/targets/" + target), other), 404);
        read(Http.post(api("/outdials/" + outdial + "/targets"), other, "{\"destinations\":[\"+16502530000\"]}"), 404);
        read(Http.post(api("/outdials/" + outdial + "/targets/import"), other, "[{\"destinations\":[\"+16502530000\"]}]"), 404);
        assertThat(read(Http.get(api("/outdials"), other), 200).path("result")).isEmpty();
        // A target id under another of the customer's own outdials is not found either.
        UUID second = createOutdial("second");
        read(Http.get(api("/outdials/" + second + "/targets/" + target), token), 404);
        // Still there for its owner.
        read(Http.get(api("/outdials/" + outdial + "/targets/" + target), token), 200);
    }

    @Test
    void targetsAreListedInPagesFilteredByStatusAndCountedPerStatus() {
        UUID outdial = createOutdial("paged");
        for (int i = 0; i < 3; i++) {
            createTarget(outdial, "{\"name\":\"t" + i + "\",\"destinations\":[\"+1650253000" + i + "\"]}");
        }
        JsonNode page1 = read(Http.get(api("/outdials/" + outdial + "/targets?page_size=2"), token), 200);
        assertThat(page1.path("result")).hasSize(2);
        assertThat(page1.path("result").get(0).path("name").asString()).isEqualTo("t2");
        JsonNode page2 = read(Http.get(api("/outdials/" + outdial + "/targets?page_size=2&page_token="
                + page1.path("next_page_token").asString()), token), 200);
        assertThat(page2.path("result")).hasSize(1);
        assertThat(page2.path("result").get(0).path("name").asString()).isEqualTo("t0");
        assertThat(page2.path("next_page_token").isMissingNode() || page2.path("next_page_token").isNull()).isTrue();

        assertThat(read(Http.get(api("/outdials/" + outdial + "/targets?status=idle"), token), 200).path("result")).hasSize(3);
        assertThat(read(Http.get(api("/outdials/" + outdial + "/targets?status=DONE"), token), 200).path("result")).isEmpty();
        JsonNode counts = read(Http.get(api("/outdials/" + outdial + "/counts"), token), 200);
        assertThat(counts.path("idle").asLong()).isEqualTo(3);
        assertThat(counts.path("done").asLong()).isZero();
        assertThat(counts.path("total").asLong()).isEqualTo(3);
    }
}
