package net.voipbin.rpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.BrokerControl;
import net.voipbin.testsupport.TestInfra;

/** The broker drops every connection of two running services; both carry on without a restart. */
class BrokerRecoveryIT {

    private static ConfigurableApplicationContext server;
    private static ConfigurableApplicationContext caller;

    @BeforeAll
    static void start() {
        String namespace = TestInfra.uniqueNamespace();
        String suffix = namespace.substring(1, 11);
        server = SampleServiceApp.start("alpha-" + suffix, namespace, WebApplicationType.NONE);
        caller = SampleServiceApp.start("publisher-svc", namespace, WebApplicationType.NONE);
    }

    @AfterAll
    static void stop() {
        caller.close();
        server.close();
    }

    @Test
    void rpcAndSubscriptionsResumeAfterTheBrokerClosesTheConnections() {
        String serverName = server.getEnvironment().getProperty("voipbin.service.name");
        String queue = caller.getBean(Topology.class).requestQueue(serverName);
        RpcClient client = caller.getBean(RpcClient.class);
        assertThat(greet(client, queue)).isEqualTo("hello before");

        int closed = BrokerControl.closeConnections("sample-" + serverName)
                + BrokerControl.closeConnections("sample-publisher-svc");
        assertThat(closed).as("connections closed by the broker").isGreaterThanOrEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> "hello before".equals(greet(client, queue)));

        EventPublisher events = caller.getBean(EventPublisher.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            events.publish("thing_created", Map.of("id", "after-recovery"));
            return server.getBean(SampleServiceApp.Inbox.class).received.stream()
                    .anyMatch(e -> e.data().get("id").asString().equals("after-recovery"));
        });
    }

    private static String greet(RpcClient client, String queue) {
        @SuppressWarnings("unchecked")
        Map<String, String> answer = client.call(queue, "GET", "/v1/greetings/before", null, Map.class);
        return answer.get("greeting");
    }
}
