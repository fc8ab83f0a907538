package net.voipbin.queuemanager.queuecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.contract.queuemanager.QueueManagerClient;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallCreate;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.QueueManagerApplication;
import net.voipbin.queuemanager.QueueManagerITBase;
import net.voipbin.queuemanager.support.AgentManagerIdle;
import net.voipbin.queuemanager.support.CallManagerFake;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;

/**
 * A waiting caller's next position announcement survives a restart of queue-manager: the instance that played the
 * first one and started the music stops before the next is due, a new instance on the same schema plays it. Both
 * run on a namespace of their own (so the test's shared instance never sees this caller), with call-manager faked
 * and agent-manager answering that nobody is free.
 */
class AnnouncementRestartIT extends QueueManagerITBase {

    private final String namespace = TestInfra.uniqueNamespace();
    private final String schema = TestInfra.uniqueSchema("queue-manager");
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    @Test
    void theNextAnnouncementIsPlayedByTheInstanceStartedAfterTheOneThatScheduledItStopped() throws Exception {
        ConfigurableApplicationContext first = instance();
        Topology names = first.getBean(Topology.class);
        CallManagerFake media = new CallManagerFake(connectionFactory, json, names.requestQueue("call-manager"),
                publisher, names.eventExchange());
        opened.add(media);
        opened.add(new AgentManagerIdle(connectionFactory, json, names.requestQueue("agent-manager")));
        Http.Response created = Http.post(api(first, "/queues"), token,
                "{\"name\":\"restart\",\"moh_class\":\"jazz\",\"announcement_interval_seconds\":4}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID queue = UUID.fromString(json.readTree(created.body()).get("id").asString());
        UUID call = media.caller("patient", customer);
        Queuecall q = new QueueManagerClient(first.getBean(RpcClient.class), names)
                .join(new QueuecallCreate(customer, queue, "call", call, UUID.randomUUID(), java.util.Map.of()));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(media.heardBy("patient"))
                .containsExactly("talk You are caller number 1.", "moh jazz"));
        first.close();
        opened.remove(first);
        assertThat(media.heardBy("patient")).as("nothing more before the restart")
                .containsExactly("talk You are caller number 1.", "moh jazz");

        instance();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(media.heardBy("patient")).containsExactly(
                "talk You are caller number 1.", "moh jazz", "moh_stop", "talk You are caller number 1.", "moh jazz"));
        assertThat(q.status()).isEqualTo(QueuecallStatus.WAITING);
    }

    private ConfigurableApplicationContext instance() {
        var db = TestInfra.postgres();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QueueManagerApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.schema=" + schema, "--spring.flyway.schemas=" + schema,
                "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(), "--voipbin.amqp.namespace=" + namespace,
                "--voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET, "--voipbin.queue-manager.deadline-sweep=200ms");
        opened.add(context);
        return context;
    }

    private static String api(ConfigurableApplicationContext context, String path) {
        return "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port") + "/v1.0" + path;
    }
}
