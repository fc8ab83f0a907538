package net.voipbin.rpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.config.OperatorAccess;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.metrics.QueueDepths;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;

/**
 * What an operator's Prometheus scrapes from a service: RPC requests served and sent by route and status,
 * events handled by type and outcome, messages parked, and queue depths, on the real broker. A customer's
 * token gets nothing.
 */
class PrometheusMetricsIT {

    private static String namespace;
    private static ConfigurableApplicationContext served;
    private static ConfigurableApplicationContext caller;
    private static String scrape;

    @BeforeAll
    static void start() {
        namespace = TestInfra.uniqueNamespace();
        served = SampleServiceApp.start("metered", namespace, WebApplicationType.SERVLET,
                "voipbin.metrics.queue-sample-interval=200ms");
        caller = SampleServiceApp.start("publisher-svc", namespace, WebApplicationType.NONE);
        scrape = "http://127.0.0.1:" + served.getEnvironment().getProperty("local.server.port") + "/actuator/prometheus";
    }

    @AfterAll
    static void stop() {
        caller.close();
        served.close();
    }

    @Test
    void rpcRequestsAreTimedPerRouteWithIdsFoldedAndStatus() {
        String queue = served.getBean(Topology.class).requestQueue("metered");
        RpcClient client = caller.getBean(RpcClient.class);
        client.send(queue, "GET", "/v1/greetings/erin", null);
        client.send(queue, "GET", "/v1/greetings/" + UUID.randomUUID(), null);
        client.send(queue, "POST", "/v1/explode", null);

        String metrics = operatorScrape();
        assertThat(metrics)
                .contains("voipbin_rpc_server_requests_seconds_count{method=\"GET\",route=\"/v1/greetings/erin\",status=\"200\"} 1")
                .contains("voipbin_rpc_server_requests_seconds_count{method=\"GET\",route=\"/v1/greetings/{id}\",status=\"200\"} 1")
                .contains("voipbin_rpc_server_requests_seconds_count{method=\"POST\",route=\"/v1/explode\",status=\"500\"} 1")
                .doesNotContain("greetings/" + "0", "greetings/1");
        String sent = prometheusOf(caller);
        assertThat(sent).contains("voipbin_rpc_client_requests_seconds_count{method=\"POST\",outcome=\"500\",queue=\""
                + queue + "\",route=\"/v1/explode\"} 1");
    }

    @Test
    void eventsAreTimedPerTypeAndOutcomeAndParkedMessagesCounted() throws Exception {
        EventPublisher events = caller.getBean(EventPublisher.class);
        events.publish("thing_created", Map.of("id", "m-" + UUID.randomUUID()));
        events.publish("poison", Map.of("id", "p-" + UUID.randomUUID()));
        String subscribe = served.getBean(Topology.class).subscribeQueue("metered");
        try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection(); Channel channel = connection.createChannel()) {
            channel.basicPublish(served.getBean(Topology.class).eventExchange(), "publisher-svc.thing_created", null,
                    "not json".getBytes(StandardCharsets.UTF_8));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(operatorScrape())
                .contains("voipbin_events_handled_seconds_count{outcome=\"ok\",publisher=\"publisher-svc\",type=\"thing_created\"} 1")
                .contains("voipbin_events_handled_seconds_count{outcome=\"retried\",publisher=\"publisher-svc\",type=\"poison\"} 2")
                .contains("voipbin_events_handled_seconds_count{outcome=\"parked\",publisher=\"publisher-svc\",type=\"poison\"} 1")
                .contains("voipbin_events_parked_total{queue=\"" + subscribe + "\",reason=\"failed\"} 1.0")
                .contains("voipbin_events_parked_total{queue=\"" + subscribe + "\",reason=\"unparsable\"} 1.0"));
    }

    @Test
    void theDeadQueueAndTheConsumedQueuesReportTheirDepth() {
        Topology topology = served.getBean(Topology.class);
        assertThat(served.getBean(QueueDepths.class).queues())
                .contains(topology.requestQueue("metered"), topology.subscribeQueue("metered"), topology.deadQueue("metered"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(operatorScrape())
                .contains("voipbin_queue_messages{kind=\"work\",queue=\"" + topology.requestQueue("metered") + "\"} 0")
                .containsPattern("voipbin_queue_messages\\{kind=\"dead\",queue=\"" + topology.deadQueue("metered").replace(".", "\\.")
                        + "\"} \\d"));
    }

    @Test
    void aCustomerTokenCannotScrape() {
        String customer = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));
        assertThat(Http.get(scrape, null).status()).isEqualTo(401);
        assertThat(Http.get(scrape, customer).status()).isEqualTo(403);
    }

    private static String operatorScrape() {
        Http.Response response = Http.get(scrape, OperatorAccess.mint(TestInfra.JWT_SECRET, Duration.ofHours(1)));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static String prometheusOf(ConfigurableApplicationContext context) {
        return context.getBean(io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class).scrape();
    }
}
