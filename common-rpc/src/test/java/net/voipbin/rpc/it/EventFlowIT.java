package net.voipbin.rpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import net.voipbin.rpc.config.WatchedListenerContainer;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventConsumer;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.event.OrderedPublisher;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;

/** Events from one real service to two others, through the real topic exchange. */
class EventFlowIT {

    private static ConfigurableApplicationContext publisher;
    private static ConfigurableApplicationContext alpha;
    private static ConfigurableApplicationContext beta;

    @BeforeAll
    static void start() {
        String namespace = TestInfra.uniqueNamespace();
        alpha = SampleServiceApp.start("alpha", namespace, WebApplicationType.NONE);
        beta = SampleServiceApp.start("beta", namespace, WebApplicationType.NONE);
        publisher = SampleServiceApp.start("publisher-svc", namespace, WebApplicationType.NONE);
    }

    @AfterAll
    static void stop() {
        publisher.close();
        alpha.close();
        beta.close();
    }

    @Test
    void oneEventReachesEachSubscribingServiceExactlyOnce() {
        publisher.getBean(EventPublisher.class).publish("thing_created", Map.of("id", "thing-1"));

        await().atMost(Duration.ofSeconds(10)).until(() -> received(alpha, "thing-1") == 1 && received(beta, "thing-1") == 1);
        // A late duplicate would show up within the broker's round trip; give it one more chance.
        publisher.getBean(EventPublisher.class).publish("thing_created", Map.of("id", "marker"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received(alpha, "marker") == 1 && received(beta, "marker") == 1);
        assertThat(received(alpha, "thing-1")).isEqualTo(1);
        assertThat(received(beta, "thing-1")).isEqualTo(1);

        Event event = inbox(alpha).received.stream().filter(e -> e.data().get("id").asString().equals("thing-1")).findFirst().orElseThrow();
        assertThat(event.publisher()).isEqualTo("publisher-svc");
        assertThat(event.type()).isEqualTo("thing_created");
    }

    @Test
    void aServiceSharesItsEventsAmongItsInstancesButEachInstanceSeesItsInstanceEvents() {
        ConfigurableApplicationContext alphaTwin = SampleServiceApp.start("alpha",
                alpha.getEnvironment().getProperty("voipbin.amqp.namespace"), WebApplicationType.NONE);
        try {
            // The context is up before its consumers have subscribed; until then alpha alone takes every event.
            await().atMost(Duration.ofSeconds(10)).until(() -> alphaTwin.getBean("eventSubscriberContainer",
                    WatchedListenerContainer.class).activeConsumers() > 0);
            EventPublisher events = publisher.getBean(EventPublisher.class);
            for (int i = 0; i < 20; i++) {
                events.publish("thing_created", Map.of("id", "shared-" + i));
            }
            events.publish("setting_changed", Map.of("id", "setting-1"));

            await().atMost(Duration.ofSeconds(10)).until(() -> instanceEvents(alpha) == 1 && instanceEvents(alphaTwin) == 1
                    && instanceEvents(beta) == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> sharedSeen(alpha) + sharedSeen(alphaTwin) == 20);
            assertThat(sharedSeen(alpha)).as("the two alphas share alpha's queue").isLessThan(20);
        } finally {
            alphaTwin.close();
        }
    }

    private static long instanceEvents(ConfigurableApplicationContext service) {
        return inbox(service).receivedByInstance.stream()
                .filter(e -> e.data().get("id").asString().equals("setting-1")).count();
    }

    private static long sharedSeen(ConfigurableApplicationContext service) {
        return inbox(service).received.stream().filter(e -> e.data().get("id").asString().startsWith("shared-")).count();
    }

    @Test
    void aFailingHandlerIsRetriedThenParkedWhileLaterEventsStillFlow() throws Exception {
        EventPublisher events = publisher.getBean(EventPublisher.class);
        events.publish("poison", Map.of("id", "poison-1"));
        events.publish("thing_created", Map.of("id", "after-poison"));

        await().atMost(Duration.ofSeconds(10)).until(() -> received(alpha, "after-poison") == 1);

        String dead = alpha.getBean(Topology.class).deadQueue("alpha");
        GetResponse parked = await().atMost(Duration.ofSeconds(10)).until(() -> take(dead), r -> r != null);
        assertThat(new String(parked.getBody(), StandardCharsets.UTF_8)).contains("poison-1");
        assertThat(parked.getProps().getHeaders().get(EventConsumer.ATTEMPTS_HEADER)).isEqualTo(3);
        assertThat(parked.getProps().getHeaders().get(EventConsumer.ERROR_HEADER).toString()).contains("cannot digest");
        assertThat(take(dead)).as("parked once, not once per attempt").isNull();
    }

    @Test
    void eventsPublishedWithoutWaitingReachTheBrokerOnceEachAndInEachPublishersOrder() throws Exception {
        String exchange = publisher.getBean(Topology.class).eventExchange();
        String queue = "ordered-" + UUID.randomUUID();
        try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            // Exclusive: gone with this connection (auto-delete alone keeps a queue that never had a consumer).
            channel.queueDeclare(queue, false, true, true, null);
            channel.queueBind(queue, exchange, "publisher-svc.ordered");
            EventPublisher events = publisher.getBean(EventPublisher.class);
            int threads = 4;
            int perThread = 250;
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        events.publish("ordered", Map.of("id", thread + ":" + i));
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(publisher.getBean(OrderedPublisher.class).awaitConfirmed(Duration.ofSeconds(10)))
                    .as("every event confirmed by the broker").isTrue();

            int[] next = new int[threads];
            int count = 0;
            for (GetResponse got; (got = channel.basicGet(queue, true)) != null; count++) {
                String[] id = Json.newMapper().readTree(got.getBody()).path("data").path("id").asString().split(":");
                int thread = Integer.parseInt(id[0]);
                assertThat(Integer.parseInt(id[1])).as("thread %d's events in its order", thread).isEqualTo(next[thread]);
                next[thread]++;
            }
            assertThat(count).isEqualTo(threads * perThread);
        }
    }

    private static GetResponse take(String queue) throws Exception {
        try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            return channel.basicGet(queue, true);
        }
    }

    private static SampleServiceApp.Inbox inbox(ConfigurableApplicationContext context) {
        return context.getBean(SampleServiceApp.Inbox.class);
    }

    private static long received(ConfigurableApplicationContext context, String id) {
        return inbox(context).received.stream().filter(e -> e.data().get("id").asString().equals(id)).count();
    }
}
