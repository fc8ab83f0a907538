package net.voipbin.flowmanager.executor;

import static net.voipbin.flowmanager.engine.TestContexts.action;
import static net.voipbin.flowmanager.engine.TestContexts.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.contract.pipecatmanager.PipecatcallCreate;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.TestContexts;
import net.voipbin.flowmanager.engine.Wait;
import net.voipbin.flowmanager.external.ExternalServices;
import net.voipbin.flowmanager.external.ServiceKeys;
import net.voipbin.flowmanager.external.ServiceRequests;

class QueueJoinExecutorTest {

    private final UUID call = UUID.randomUUID();
    private final UUID queue = UUID.randomUUID();
    private final Action join = action("q", "queue_join", "{\"queue_id\":\"" + queue + "\"}");
    private final UUID overflowFlowId = UUID.randomUUID();
    private final List<Action> overflowActions = List.of(action("vm", "talk", "{\"text\":\"leave a message\"}"));
    private ServiceRequests.QueuecallCreate asked;

    private final ExternalServices services = new ExternalServices() {
        @Override
        public UUID joinQueue(ServiceRequests.QueuecallCreate request) {
            asked = request;
            return UUID.randomUUID();
        }

        @Override
        public UUID joinConference(ServiceRequests.ConferencecallCreate request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<UUID> conferencePreFlow(UUID customerId, UUID conferenceId) {
            return Optional.empty();
        }

        @Override
        public UUID startAiTalk(PipecatcallCreate request) {
            throw new UnsupportedOperationException();
        }
    };

    private final QueueJoinExecutor executor = new QueueJoinExecutor(services, (customer, flowId) ->
            flowId.equals(overflowFlowId) ? Optional.of(new Flow(flowId, customer, "overflow", "", overflowActions,
                    Instant.now(), Instant.now())) : Optional.empty());

    private Outcome resume(ActionContext context, String queuecall) {
        return executor.resume(context, new Signal.External("queuecall:x", TestContexts.JSON.readTree(queuecall)));
    }

    @Test
    void theFlowsVariablesGoWithTheJoinSoTheQueueCanReadTheCallersPriority() {
        executor.execute(context(call, join, Map.of("voipbin.queue.priority", "7")));
        assertThat(asked.variables()).containsEntry("voipbin.queue.priority", "7");
        assertThat(asked.referenceId()).isEqualTo(call);
    }

    @Test
    void aCallerTakenOutOfTheLineGoesOnWithTheNextAction() {
        ActionContext context = context(call, join, Map.of());
        assertThat(resume(context, "{\"status\":\"kicked\",\"end_reason\":\"kicked\"}")).isEqualTo(Outcome.NEXT);
        assertThat(context.variables()).containsEntry(QueueJoinExecutor.STATUS_VARIABLE, "kicked");
    }

        @Test
    void aServedOrAbandonedQueuecallGoesOnWithTheNextActionAndSaysHowItEnded() {
        ActionContext context = context(call, join, Map.of());
        assertThat(resume(context, "{\"status\":\"done\",\"end_reason\":\"agent_hangup\"}")).isEqualTo(Outcome.NEXT);
        assertThat(context.variables()).containsEntry(QueueJoinExecutor.STATUS_VARIABLE, "done")
                .containsEntry(QueueJoinExecutor.REASON_VARIABLE, "agent_hangup");
    }

    @Test
    void aTimeoutFollowsTheQueuesOverflow() {
        assertThat(resume(context(call, join, Map.of()), "{\"status\":\"timeout\",\"end_reason\":\"wait_timeout\","
                + "\"overflow\":{\"type\":\"continue\"}}")).isEqualTo(Outcome.NEXT);
        assertThat(resume(context(call, join, Map.of()), "{\"status\":\"timeout\",\"overflow\":{\"type\":\"flow\","
                + "\"flow_id\":\"" + overflowFlowId + "\"}}")).isEqualTo(new Outcome.Replace(overflowActions));
        UUID next = UUID.randomUUID();
        assertThat(resume(context(call, join, Map.of()), "{\"status\":\"timeout\",\"overflow\":{\"type\":\"queue\","
                + "\"queue_id\":\"" + UUID.randomUUID() + "\"},\"overflow_queuecall_id\":\"" + next + "\"}"))
                .isEqualTo(Outcome.await(Wait.external(ServiceKeys.queuecall(next))));
    }

    @Test
    void anOverflowFlowThatIsGoneGoesOnWithTheNextAction() {
        assertThat(resume(context(call, join, Map.of()), "{\"status\":\"timeout\",\"overflow\":{\"type\":\"flow\","
                + "\"flow_id\":\"" + UUID.randomUUID() + "\"}}")).isEqualTo(Outcome.NEXT);
    }
}
