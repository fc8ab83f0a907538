package net.voipbin.webhookmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import net.voipbin.testsupport.Http;
import net.voipbin.webhookmanager.Receiver;
import net.voipbin.webhookmanager.Verify;
import net.voipbin.webhookmanager.WebhookManagerITBase;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class WebhookRestIT extends WebhookManagerITBase {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    /** Signs of the code behind an answer: package, class or method names, Jackson's wording. */
    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|net\\.voipbin|tools\\.jackson|\\$|`|\\w\\(|Exception|JsonToken|StreamReadFeature|REDACTED");

    @Test
    void theSecretIsShownOnceOnCreateAndNeverOnReads() {
        JsonNode created = createWebhook("/hook", "[\"call_hungup\"]");
        String id = created.get("id").asString();

        assertThat(created.get("secret").asString()).startsWith("whsec_");
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(get("/webhooks/" + id).has("secret")).isFalse();
        assertThat(get("/webhooks").get("result")).singleElement().satisfies(w -> assertThat(w.has("secret")).isFalse());
    }

    @Test
    void aWebhookCanBeChangedAndDeleted() {
        String id = createWebhook("/hook", "[]").get("id").asString();

        Http.Response updated = Http.put(api("/webhooks/" + id), token,
                "{\"event_types\":[\"call_answered\"],\"enabled\":false,\"description\":\"night\"}");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode webhook = json.readTree(updated.body());
        assertThat(webhook.get("enabled").asBoolean()).isFalse();
        assertThat(webhook.get("event_types").get(0).asString()).isEqualTo("call_answered");
        assertThat(webhook.get("url").asString()).isEqualTo(receiver.url("/hook"));

        assertThat(Http.delete(api("/webhooks/" + id), token).status()).isEqualTo(204);
        assertThat(Http.get(api("/webhooks/" + id), token).status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertThat(field(Http.post(api("/webhooks"), token, "{\"url\":\"ftp://example.com/x\"}"))).isEqualTo("url");
        assertThat(field(Http.post(api("/webhooks"), token,
                "{\"url\":\"" + receiver.url("/x") + "\",\"event_types\":[\"Bad Type!\"]}"))).isEqualTo("event_types");
        String id = createWebhook("/hook", "[]").get("id").asString();
        assertThat(field(Http.post(api("/webhooks/" + id + "/rotate_secret"), token,
                "{\"grace_period_seconds\":-1}"))).isEqualTo("grace_period_seconds");
    }

    @Test
    void theSsrfGuardRefusesPrivateAndMetadataAddressesOverRestNamingTheRule() {
        Map<String, String> refusals = Map.of(
                "http://10.0.0.1/hook", "url: address 10.0.0.1 is private (10.0.0.0/8)",
                "http://169.254.169.254/latest/meta-data", "url: address 169.254.169.254 is link-local (169.254.0.0/16)",
                "http://[64:ff9b::a00:1]/hook", "url: address 64:ff9b::a00:1 embeds 10.0.0.1 (NAT64), which is private (10.0.0.0/8)");
        refusals.forEach((url, message) -> {
            Http.Response response = Http.post(api("/webhooks"), token, "{\"url\":\"" + url + "\"}");
            assertThat(response.status()).as(url).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("field").asString()).isEqualTo("url");
            assertThat(json.readTree(response.body()).get("message").asString()).isEqualTo(message);
        });
    }

    @Test
    void anotherCustomerNeitherSeesNorChangesNorReceivesMyWebhooks() {
        String mine = createWebhook("/mine", "[]").get("id").asString();
        UUID other = UUID.randomUUID();
        String theirs = tokenFor(other);

        assertThat(Http.get(api("/webhooks/" + mine), theirs).status()).isEqualTo(404);
        assertThat(Http.put(api("/webhooks/" + mine), theirs, "{\"enabled\":false}").status()).isEqualTo(404);
        assertThat(Http.delete(api("/webhooks/" + mine), theirs).status()).isEqualTo(404);
        assertThat(Http.post(api("/webhooks/" + mine + "/rotate_secret"), theirs, "{}").status()).isEqualTo(404);
        assertThat(Http.get(api("/webhooks/" + mine + "/deliveries"), theirs).status()).isEqualTo(404);
        assertThat(json.readTree(Http.get(api("/webhooks"), theirs).body()).get("result")).isEmpty();
        assertThat(Http.get(api("/webhooks"), null).status()).isEqualTo(401);

        Http.post(api("/webhooks"), theirs, "{\"url\":\"" + receiver.url("/theirs") + "\"}");
        publish("call-manager", "call_created", other, Map.of("id", "c-other"));
        await().atMost(DEADLINE).until(() -> receiver.on("/theirs").size() == 1);
        assertThat(get("/webhooks/" + mine + "/deliveries").get("result")).isEmpty();
        assertThat(receiver.on("/mine")).isEmpty();
    }

    @Test
    void afterRotationDeliveriesAreSignedWithBothSecretsDuringTheGracePeriod(CapturedOutput output) throws Exception {
        JsonNode created = createWebhook("/rotating", "[]");
        String id = created.get("id").asString();
        String oldSecret = created.get("secret").asString();

        Http.Response rotated = Http.post(api("/webhooks/" + id + "/rotate_secret"), token, "{\"grace_period_seconds\":3600}");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = json.readTree(rotated.body()).get("secret").asString();
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(json.readTree(rotated.body()).has("previous_secret_expires")).isTrue();

        publish("call-manager", "call_created", customer, Map.of("id", "c-rot"));

        await().atMost(DEADLINE).until(() -> receiver.on("/rotating").size() == 1);
        Receiver.Request request = receiver.on("/rotating").getFirst();
        for (String secret : new String[] {newSecret, oldSecret}) {
            assertThat(Verify.voipbin(request.header("X-VoIPBIN-Signature"), request.body(), secret)).isTrue();
            assertThat(Verify.standard(request.header("webhook-id"), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), request.body(), secret)).isTrue();
        }
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(output.getAll()).doesNotContain(newSecret).doesNotContain(oldSecret)
                .doesNotContain(newSecret.substring(6)).doesNotContain(oldSecret.substring(6));
    }

    @Test
    void aFailedDeliveryCanBeReplayedAloneOrWithAllFailedSinceATime() {
        receiver.fallback(r -> Receiver.Answer.of(500));
        JsonNode webhook = createWebhook("/replay", "[]");
        String id = webhook.get("id").asString();
        publish("call-manager", "call_created", customer, Map.of("id", "r-1"));
        publish("call-manager", "call_created", customer, Map.of("id", "r-2"));
        await().atMost(DEADLINE).until(() -> get("/webhooks/" + id + "/deliveries?status=failed").get("result").size() == 2);
        receiver.fallback(r -> Receiver.Answer.of(200));
        String first = get("/webhooks/" + id + "/deliveries?status=failed").get("result").get(0).get("id").asString();

        Http.Response one = Http.post(api("/webhooks/" + id + "/deliveries/" + first + "/replay"), token, "{}");
        assertThat(one.status()).isEqualTo(202);
        assertThat(json.readTree(one.body()).get("replay_of").asString()).isEqualTo(first);
        await().atMost(DEADLINE).until(() -> get("/webhooks/" + id + "/deliveries?status=delivered").get("result").size() == 1);

        Http.Response all = Http.post(api("/webhooks/" + id + "/deliveries/replay_failed"), token,
                "{\"since\":\"2020-01-01T00:00:00.000Z\"}");
        assertThat(all.status()).isEqualTo(202);
        assertThat(json.readTree(all.body()).get("replayed").asInt()).as("the replayed one is not sent again").isEqualTo(1);
        await().atMost(DEADLINE).until(() -> get("/webhooks/" + id + "/deliveries?status=delivered").get("result").size() == 2);
        assertThat(receiver.on("/replay").stream().map(r -> r.header("webhook-id")).distinct()).hasSize(2);
    }

    @Test
    void replayingFailedDeliveriesWithoutABodyIsA400NamingSince() {
        String id = createWebhook("/hook", "[]").get("id").asString();

        Http.Response response = Http.post(api("/webhooks/" + id + "/deliveries/replay_failed"), token, "");

        assertThat(field(response)).isEqualTo("since");
        assertThat(json.readTree(response.body()).get("message").asString()).doesNotContainPattern(INTERNALS);
    }

    @Test
    void noErrorBodyShowsTheCodeBehindIt() throws Exception {
        String id = createWebhook("/hook", "[]").get("id").asString();
        String webhooks = api("/webhooks");
        String webhook = api("/webhooks/" + id);
        String rotate = webhook + "/rotate_secret";
        String replayFailed = webhook + "/deliveries/replay_failed";
        record Bad(String url, String body, boolean put) {
        }
        List<Bad> requests = List.of(
                new Bad(webhooks, "", false), new Bad(webhooks, "{", false), new Bad(webhooks, "[]", false),
                new Bad(webhooks, "{\"url\":{}}", false), new Bad(webhooks, "{\"event_types\":\"x\"}", false),
                new Bad(webhooks, "{\"enabled\":\"maybe\"}", false),
                new Bad(webhook, "", true), new Bad(webhook, "{\"enabled\":[1]}", true),
                new Bad(rotate, "{\"grace_period_seconds\":\"soon\"}", false), new Bad(rotate, "{\"grace", false),
                new Bad(replayFailed, "", false), new Bad(replayFailed, "null", false), new Bad(replayFailed, "[]", false),
                new Bad(replayFailed, "{\"since\":\"yesterday\"}", false), new Bad(replayFailed, "{\"since\":", false),
                new Bad(webhook + "/deliveries/not-a-uuid/replay", "{}", false));

        for (Bad bad : requests) {
            Http.Response response = bad.put() ? Http.put(bad.url(), token, bad.body()) : Http.post(bad.url(), token, bad.body());
            String what = (bad.put() ? "PUT " : "POST ") + bad.url().substring(bad.url().indexOf("/v1.0")) + " " + bad.body();
            assertThat(response.status()).as(what).isEqualTo(400);
            JsonNode error = json.readTree(response.body());
            assertThat(error.get("error").asString()).as(what).isIn("invalid_body", "invalid_argument");
            assertThat(error.get("message").asString()).as(what).isNotBlank().doesNotContainPattern(INTERNALS);
        }
        HttpResponse<String> notJson = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(replayFailed))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("since yesterday")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(json.readTree(notJson.body()).get("message").asString()).doesNotContainPattern(INTERNALS);
        assertThat(field(Http.post(webhooks, token, "{\"enabled\":\"maybe\"}"))).isEqualTo("enabled");
        assertThat(field(Http.post(rotate, token, "{\"grace_period_seconds\":\"soon\"}"))).isEqualTo("grace_period_seconds");
        assertThat(field(Http.post(replayFailed, token, "{\"since\":\"yesterday\"}"))).isEqualTo("since");
    }

    private String field(Http.Response response) {
        assertThat(response.status()).isEqualTo(400);
        return json.readTree(response.body()).get("field").asString();
    }
}
