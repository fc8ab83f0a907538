package net.voipbin.queuemanager.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.ReservationStrategy;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.rpc.error.ApiException;

class QueueValidationTest {

    private static QueueRequests.Body body(String name, String strategy, List<AgentSkill> skills) {
        return new QueueRequests.Body(name, null, strategy, skills, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    private static String field(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.body().field();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void defaultsFillWhatTheBodyLeavesOutAndSkillNamesAreStoredLowerCase() {
        QueueSettings s = QueueValidation.merge(QueueValidation.DEFAULTS,
                body(" sales ", "Least_Calls", List.of(new AgentSkill("English", 40))), UUID.randomUUID());
        assertThat(s.name()).isEqualTo("sales");
        assertThat(s.strategy()).isEqualTo(ReservationStrategy.LEAST_CALLS);
        assertThat(s.skills()).containsExactly(new AgentSkill("english", 40));
        assertThat(s.overflow()).isEqualTo(Queue.Overflow.CONTINUE);
        assertThat(s.waitTimeoutSeconds()).isEqualTo(300);
        assertThat(s.priorityVariable()).isEqualTo("voipbin.queue.priority");
    }

    @Test
    void badInputNamesTheField() {
        UUID self = UUID.randomUUID();
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, body("q", "fastest", null), self)))
                .isEqualTo("strategy");
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, body("q", null,
                List.of(new AgentSkill("a", 10), new AgentSkill("A", 20))), self))).isEqualTo("skills[1].name");
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, body("q", null,
                List.of(new AgentSkill("bad name", 10))), self))).isEqualTo("skills[0].name");
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, new QueueRequests.Body("q", null, null,
                null, null, null, 0, null, null, null, null, null, null, null, null, null, null, null, null), self)))
                .isEqualTo("wait_timeout_seconds");
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, new QueueRequests.Body("q", null, null,
                null, null, null, null, null, null, null, null, null, null, null,
                new QueueRequests.OverflowBody("queue", self, null), null, null, null, null), self)))
                .isEqualTo("overflow.queue_id");
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, new QueueRequests.Body("q", null, null,
                null, null, null, null, null, null, null, null, null, null, null,
                new QueueRequests.OverflowBody("voicemail", null, null), null, null, null, null), self)))
                .isEqualTo("overflow.type");
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, waits("default", List.of(
                new QueueRequests.WaitActionBody("talk", "hello", null, null, null),
                new QueueRequests.WaitActionBody("sleep", null, null, null, 50))), self)))
                .isEqualTo("wait_actions[1].duration_ms");
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, waits("default", List.of(
                new QueueRequests.WaitActionBody("dance", null, null, null, null))), self)))
                .isEqualTo("wait_actions[0].type");
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, waits("default", List.of(
                new QueueRequests.WaitActionBody("play", null, null, List.of(" "), null))), self)))
                .isEqualTo("wait_actions[0].media");
        assertThat(field(() -> QueueValidation.merge(QueueValidation.DEFAULTS, waits("jazz;rm", null), self)))
                .isEqualTo("moh_class");
    }

    @Test
    void musicOnHoldDefaultsToTheDefaultClassAndWaitActionsAreKeptInOrder() {
        QueueSettings s = QueueValidation.merge(QueueValidation.DEFAULTS, waits(null, List.of(
                new QueueRequests.WaitActionBody("Talk", "Thanks for waiting", "en-US", null, null),
                new QueueRequests.WaitActionBody("sleep", null, null, null, 5000))), UUID.randomUUID());
        assertThat(s.mohClass()).isEqualTo("default");
        assertThat(s.waitActions()).containsExactly(
                new Queue.WaitAction(Queue.WaitActionType.TALK, "Thanks for waiting", "en-US", null, null),
                new Queue.WaitAction(Queue.WaitActionType.SLEEP, null, null, null, 5000));
        assertThat(QueueValidation.merge(QueueValidation.DEFAULTS, waits("", null), UUID.randomUUID()).mohClass())
                .as("blank: silence").isEmpty();
    }

    private static QueueRequests.Body waits(String mohClass, List<QueueRequests.WaitActionBody> actions) {
        return new QueueRequests.Body("q", null, null, null, null, null, null, null, null, mohClass, actions, null,
                null, null, null, null, null, null, null);
    }
}
