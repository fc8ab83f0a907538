package net.voipbin.queuemanager.queuecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.QueueManagerApplication;
import net.voipbin.queuemanager.QueueManagerITBase;
import net.voipbin.testsupport.TestInfra;

/**
 * Two queue-manager instances on one schema and namespace, 30 callers arriving at once for 4 agents: each
 * instance takes RPCs and events, so both dispatch the same queue at the same time. No agent is ever rung while
 * it has a call up, every caller is served once, in the end every agent is available again.
 */
class TwoInstancesIT extends QueueManagerITBase {

    private ConfigurableApplicationContext second;

    @AfterEach
    void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesNeverOfferOneAgentTwoCallsAndServeEveryCallerOnce() {
        var db = TestInfra.postgres();
        second = new SpringApplicationBuilder(QueueManagerApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--spring.datasource.hikari.schema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA, "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                "--voipbin.amqp.namespace=" + NAMESPACE, "--voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET);
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 6);
        List<UUID> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agents.add(agent(prefix + i));
        }
        calls.answerAfter(150);
        UUID queue = queue("{\"name\":\"busy\",\"strategy\":\"least_calls\",\"wait_timeout_seconds\":120}");

        List<Queuecall> callers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            callers.add(join(queue, prefix + "-caller" + i));
        }
        Set<UUID> hungUp = new HashSet<>();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (Queuecall q : callers) {
                if (read(q).status() == QueuecallStatus.CONNECTED && hungUp.add(q.id())) {
                    calls.hangUp(q.referenceId());
                }
            }
            return callers.stream().allMatch(q -> read(q).status() == QueuecallStatus.DONE);
        });

        assertThat(calls.doubleOffers()).isZero();
        assertThat(callers.stream().map(q -> read(q).offerAttempts()).collect(Collectors.toSet())).containsExactly(1);
        Map<String, Long> perAgent = calls.dialled().stream()
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(perAgent.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(30);
        assertThat(perAgent).hasSize(4);
        await().atMost(DEADLINE).until(() -> agents.stream().allMatch(a -> agentStatusNow(a).equals("available")));
        assertThat(get("/queues/" + queue + "/statistics").get("served").asLong()).isEqualTo(30);
    }
}
