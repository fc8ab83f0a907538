package net.voipbin.queuemanager.queuecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.rpc.error.ApiException;

class QueuecallEntityTest {

    private static final Instant T0 = Instant.parse("2026-01-20T12:00:00Z");
    private final UUID agent = UUID.randomUUID();

    private QueuecallEntity waiting() {
        QueuecallEntity q = QueuecallEntity.arrived(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), 0, T0);
        q.waitUntil(T0.plusSeconds(300), T0);
        return q;
    }

    @Test
    void waitAndTalkAreMeasuredSeparately() {
        QueuecallEntity q = waiting();
        q.offering(UUID.randomUUID(), agent, T0.plusSeconds(1));
        q.connected(agent, 600, T0.plusSeconds(12));
        q.done("agent_hangup", T0.plusSeconds(72));

        Queuecall c = q.toQueuecall();
        assertThat(c.status()).isEqualTo(QueuecallStatus.DONE);
        assertThat(c.waitedMs()).isEqualTo(12_000);
        assertThat(c.talkedMs()).isEqualTo(60_000);
        assertThat(c.tmEnd()).isEqualTo(T0.plusSeconds(72));
        assertThat(c.agentId()).isEqualTo(agent);
        assertThat(q.serviceUntil()).isNull();
    }

    @Test
    void aMissedOfferPutsTheCallerBackInLineAtTheSamePlaceAndCountsTheAttempt() {
        QueuecallEntity q = waiting();
        q.offering(UUID.randomUUID(), agent, T0.plusSeconds(1));
        q.missed(agent, T0.plusSeconds(21));
        q.offering(UUID.randomUUID(), UUID.randomUUID(), T0.plusSeconds(21));

        assertThat(q.status()).isEqualTo(QueuecallStatus.OFFERING);
        assertThat(q.missedAgentId()).isEqualTo(agent);
        assertThat(q.tmCreate()).isEqualTo(T0);
        assertThat(q.toQueuecall().offerAttempts()).isEqualTo(2);
    }

    @Test
    void aConnectedCallerCannotBeAbandonedOrTimedOutAndNothingFollowsAnEnd() {
        QueuecallEntity q = waiting();
        q.offering(UUID.randomUUID(), agent, T0);
        q.connected(agent, 0, T0.plusSeconds(5));
        assertThat(q.serviceUntil()).isNull();
        assertThatThrownBy(() -> q.abandoned(T0.plusSeconds(6))).isInstanceOf(ApiException.class)
                .hasMessageContaining("connected");
        assertThatThrownBy(() -> q.timedOut("wait_timeout", Queue.Overflow.CONTINUE, T0.plusSeconds(6)))
                .isInstanceOf(ApiException.class);

        QueuecallEntity gone = waiting();
        gone.abandoned(T0.plusSeconds(9));
        assertThat(gone.toQueuecall().waitedMs()).isEqualTo(9_000);
        assertThat(gone.toQueuecall().endReason()).isEqualTo("caller_hangup");
        assertThatThrownBy(() -> gone.offering(UUID.randomUUID(), agent, T0.plusSeconds(10)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aTimeoutRecordsTheOverflowAndClearsTheDeadline() {
        QueuecallEntity q = waiting();
        UUID target = UUID.randomUUID();
        q.timedOut("wait_timeout", new Queue.Overflow(Queue.OverflowType.QUEUE, target, null), T0.plusSeconds(300));
        UUID next = UUID.randomUUID();
        q.overflowedTo(next);

        Queuecall c = q.toQueuecall();
        assertThat(c.status()).isEqualTo(QueuecallStatus.TIMEOUT);
        assertThat(c.overflow().queueId()).isEqualTo(target);
        assertThat(c.overflowQueuecallId()).isEqualTo(next);
        assertThat(q.waitUntil()).isNull();
        assertThat(c.waitedMs()).isEqualTo(300_000);
    }

    @Test
    void theCallersPriorityComesFromTheQueuesFlowVariable() {
        Queue queue = new Queue(UUID.randomUUID(), UUID.randomUUID(), "q", "", null, null, null, 20, 300, 0, null, "", null, 30,
                "", 0, Queue.Overflow.CONTINUE, 0, 3, "vip", 20, null, null);
        assertThat(Admission.priority(queue, java.util.Map.of("vip", " 7 "))).isEqualTo(7);
        assertThat(Admission.priority(queue, java.util.Map.of("vip", "high"))).isZero();
        assertThat(Admission.priority(queue, java.util.Map.of())).isZero();
    }
}
