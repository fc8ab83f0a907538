package net.voipbin.queuemanager.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.queuemanager.QueueCapacity;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.QueueManagerITBase;
import net.voipbin.queuemanager.support.CallManagerFake.Plan;
import net.voipbin.rpc.error.ApiException;

/**
 * {@code GET /v1/queues/{id}/capacity} as a dialer pacing on the queue sees it: only agents the queue would ring
 * count (every required skill at its level), split into available and busy, and callers waiting with nobody rung.
 */
class QueueCapacityIT extends QueueManagerITBase {

    @Test
    void countsTheQueuesQualifiedAgentsByStatusAndTheCallersWaiting() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String ringing = "ringing" + suffix;
        calls.plan(ringing, Plan.NEVER);
        UUID qualified = agent(ringing, "sales:60", "french:10");
        agent("weak" + suffix, "sales:20", "french:10");
        agent("nofrench" + suffix, "sales:90");
        UUID away = agent("away" + suffix, "sales:60", "french:50");
        agentStatus(away, "away");
        UUID queue = queue("{\"name\":\"cap\",\"strategy\":\"ring_all\",\"skills\":[{\"name\":\"sales\",\"level\":50},"
                + "{\"name\":\"french\",\"level\":5}]}");

        assertThat(queueManager.capacity(customer, queue)).isEqualTo(new QueueCapacity(queue, 1, 0, 0));

        // The first caller rings the one qualified agent (busy now); the second waits with nobody to ring.
        var first = join(queue, "first" + suffix);
        await().atMost(DEADLINE).until(() -> read(first).status() == QueuecallStatus.OFFERING);
        var second = join(queue, "second" + suffix);
        await().atMost(DEADLINE).until(() -> read(second).status() == QueuecallStatus.WAITING);
        assertThat(agentStatusNow(qualified)).isEqualTo("ringing");
        assertThat(queueManager.capacity(customer, queue)).isEqualTo(new QueueCapacity(queue, 0, 1, 1));

        // Another customer's queue is unknown.
        assertThatThrownBy(() -> queueManager.capacity(UUID.randomUUID(), queue))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
