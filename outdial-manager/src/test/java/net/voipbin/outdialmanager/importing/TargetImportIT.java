package net.voipbin.outdialmanager.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.outdialmanager.OutdialManagerEvents;
import net.voipbin.outdialmanager.support.OutdialManagerITBase;
import net.voipbin.outdialmanager.support.Upload;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/** Bulk import: bad rows are reported one by one and the rest is stored; 10 000 targets in one request. */
class TargetImportIT extends OutdialManagerITBase {

    private static final String CSV = String.join("\n",
            "name,destination_0,destination_1,time_zone,order_id",
            "Ann,+16502530000,,,A-1",
            "Bob,+1 111 253 0000,,,B-2",
            "Cy,+16502530001,,,C-3,extra",
            "\"Dee, \"\"the\"\"",
            "second line\",+16502530002,+44 20 7946 0958,Europe/London,D-4",
            "Eve,,,,E-5",
            "",
            "Fay,+16502530003,,Nowhere/City,F-6",
            "Gil,6502530004,,,G-7",
            "\"Gus,+16502530005");

    @Test
    void aCsvWithMalformedRowsStoresTheGoodOnesAndNamesEachBadRowWithItsReason() {
        UUID outdial = createOutdial("csv");

        JsonNode result = read(Upload.csv(api("/outdials/" + outdial + "/targets/import"), token, CSV), 200);

        assertThat(result.path("imported").asInt()).isEqualTo(2);
        assertThat(result.path("rejected_count").asInt()).isEqualTo(6);
        List<String> rejected = result.path("rejected").valueStream()
                .map(r -> r.path("row").asInt() + "@" + r.path("line").asInt() + " " + r.path("field").asString("-")
                        + ": " + r.path("reason").asString())
                .toList();
        assertThat(rejected).hasSize(6);
        assertThat(rejected.get(0)).startsWith("2@3 destinations[0]: ").contains("not a valid number for US");
        assertThat(rejected.get(1)).isEqualTo("3@4 -: the row has 6 fields, the header has 5");
        assertThat(rejected.get(2)).startsWith("5@7 destinations: ").contains("1 to 5 phone numbers");
        assertThat(rejected.get(3)).startsWith("6@9 time_zone: ").contains("Nowhere/City");
        assertThat(rejected.get(4)).startsWith("7@10 destinations[0]: ").contains("country code");
        assertThat(rejected.get(5)).startsWith("8@11 -: ").contains("quoted field is not closed");

        JsonNode stored = read(Http.get(api("/outdials/" + outdial + "/targets?page_size=10"), token), 200).path("result");
        assertThat(stored).hasSize(2);
        JsonNode dee = stored.valueStream().filter(t -> t.path("name").asString().startsWith("Dee")).findFirst().orElseThrow();
        assertThat(dee.path("name").asString()).isEqualTo("Dee, \"the\"\nsecond line");
        assertThat(dee.path("destinations").get(1).path("number").asString()).isEqualTo("+442079460958");
        assertThat(dee.path("time_zone").asString()).isEqualTo("Europe/London");
        assertThat(dee.path("data").path("order_id").asString()).isEqualTo("D-4");

        // One summary event for the upload, none per target.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events.of(OutdialManagerEvents.OUTDIALTARGETS_IMPORTED, "outdial_id", outdial)).hasSize(1));
        JsonNode event = events.of(OutdialManagerEvents.OUTDIALTARGETS_IMPORTED, "outdial_id", outdial).getFirst();
        assertThat(event.path("imported").asInt()).isEqualTo(2);
        assertThat(event.path("rejected").asInt()).isEqualTo(6);
        assertThat(event.path("customer_id").asString()).isEqualTo(customer.toString());
        assertThat(events.of(OutdialManagerEvents.OUTDIALTARGET_CREATED, "outdial_id", outdial)).isEmpty();
    }

    @Test
    void aCsvFileUploadedAsAFormAndNationalNumbersWithARegionAreImported() {
        UUID outdial = createOutdial("upload");
        String csv = "Destination_0,Name\r\n(650) 253-0000,Ann\r\n650 253 0001,Bob\r\n";

        JsonNode result = read(Upload.multipart(api("/outdials/" + outdial + "/targets/import?region=US"), token,
                "list.csv", csv), 200);

        assertThat(result.path("imported").asInt()).isEqualTo(2);
        assertThat(result.path("rejected")).isEmpty();
        assertThat(read(Http.get(api("/outdials/" + outdial + "/counts"), token), 200).path("idle").asLong()).isEqualTo(2);
        assertThat(read(Upload.multipart(api("/outdials/" + outdial + "/targets/import"), token, "attachment", "list.csv",
                csv), 400).path("field").asString()).isEqualTo("file");
    }

    @Test
    void aJsonArrayWithMalformedElementsStoresTheGoodOnes() {
        UUID outdial = createOutdial("json");
        String body = "[{\"name\":\"ok\",\"destinations\":[\"+16502530000\"]}, \"just a string\","
                + " {\"destinations\":\"+16502530001\"}, {\"destinations\":[\"+16502530002\"],\"data\":[1]},"
                + " {\"destinations\":[{\"type\":\"tel\",\"target\":\"+16502530003\"}],\"data\":{\"vip\":true}}]";

        JsonNode result = read(Http.post(api("/outdials/" + outdial + "/targets/import"), token, body), 200);

        assertThat(result.path("imported").asInt()).isEqualTo(2);
        assertThat(result.path("rejected").valueStream().map(r -> r.path("row").asInt() + " " + r.path("field").asString("-")))
                .containsExactly("2 -", "3 destinations", "4 data");
        read(Http.post(api("/outdials/" + outdial + "/targets/import"), token, "{\"destinations\":[]}"), 400);
        read(Upload.csv(api("/outdials/" + outdial + "/targets/import"), token, "name,phone\nAnn,+16502530000\n"), 400);
    }

    @Test
    void tenThousandTargetsAreImportedInOneRequestAsJsonAndAsCsv() {
        UUID jsonOutdial = createOutdial("10k json");
        StringBuilder json = new StringBuilder("[");
        StringBuilder csv = new StringBuilder("name,destination_0,destination_1,customer_ref\n");
        for (int i = 0; i < 10_000; i++) {
            String number = String.format("+1650%07d", 2_000_000 + i);
            json.append(i == 0 ? "" : ",").append("{\"name\":\"t").append(i).append("\",\"destinations\":[\"")
                    .append(number).append("\",\"+442079460958\"],\"data\":{\"ref\":").append(i).append("}}");
            csv.append('t').append(i).append(',').append(number).append(",+442079460958,ref-").append(i).append('\n');
        }
        json.append(']');

        UUID csvOutdial = createOutdial("10k csv");
        long start = System.nanoTime();
        JsonNode fromCsv = read(Upload.csv(api("/outdials/" + csvOutdial + "/targets/import"), token, csv.toString()), 200);
        long csvMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        JsonNode fromJson = read(Http.post(api("/outdials/" + jsonOutdial + "/targets/import"), token, json.toString()), 200);
        long jsonMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("FIGURE import of 10000 targets: JSON %d ms (%d bytes), CSV %d ms (%d bytes)%n",
                jsonMs, json.length(), csvMs, csv.length());

        assertThat(fromJson.path("imported").asInt()).isEqualTo(10_000);
        assertThat(fromCsv.path("imported").asInt()).isEqualTo(10_000);
        assertThat(read(Http.get(api("/outdials/" + jsonOutdial + "/counts"), token), 200).path("idle").asLong())
                .isEqualTo(10_000);
        assertThat(read(Http.get(api("/outdials/" + csvOutdial + "/counts"), token), 200).path("total").asLong())
                .isEqualTo(10_000);
        // Generous for a shared 2-core machine; the figure above is what counts.
        assertThat(jsonMs).isLessThan(20_000);
        assertThat(csvMs).isLessThan(20_000);

        JsonNode tooMany = read(Http.post(api("/outdials/" + jsonOutdial + "/targets/import"), token,
                json.substring(0, json.length() - 1) + ",{\"destinations\":[\"+16502530000\"]}]"), 400);
        assertThat(tooMany.path("field").asString()).isEqualTo("targets");
    }
}
