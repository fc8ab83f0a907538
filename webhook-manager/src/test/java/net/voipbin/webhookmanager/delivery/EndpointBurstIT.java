package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import net.voipbin.webhookmanager.WebhookManagerITBase;

/**
 * A burst to one endpoint beyond its concurrency limit. The scheduler here polls once a minute and the
 * endpoint takes four requests at a time, so the burst can only arrive well within that minute if each
 * waiting delivery starts as soon as one of the endpoint's slots frees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voipbin.webhook.schedule=0ms,200ms,200ms",
        "voipbin.webhook.jitter=0",
        "voipbin.webhook.poll-interval=1m",
        "voipbin.webhook.endpoint-concurrency=4",
        "voipbin.webhook.read-timeout=2s",
        "voipbin.webhook.allowed-networks=127.0.0.0/8"})
class EndpointBurstIT extends WebhookManagerITBase {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int EVENTS = 100;

    @Test
    void aBurstBeyondTheEndpointsConcurrencyLimitIsSentAsSlotsFreeNotAtTheNextPoll() {
        receiver.latency(Duration.ofMillis(20));
        createWebhook("/busy", "[]");

        for (int i = 0; i < EVENTS; i++) {
            publish("call-manager", "call_created", customer, Map.of("id", "burst-" + i));
        }

        await().atMost(DEADLINE).until(() -> receiver.on("/busy").size() >= EVENTS);
        Map<String, Long> postsPerMessage = receiver.on("/busy").stream()
                .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
        assertThat(postsPerMessage).hasSize(EVENTS).allSatisfy((id, posts) -> assertThat(posts).as(id).isEqualTo(1));
        assertThat(receiver.maxConcurrent()).isLessThanOrEqualTo(4);
    }
}
