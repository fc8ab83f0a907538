package net.voipbin.flowmanager.executor;

import static net.voipbin.flowmanager.engine.TestContexts.action;
import static net.voipbin.flowmanager.engine.TestContexts.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import net.voipbin.flowmanager.external.ExternalServices;
import net.voipbin.flowmanager.external.ServiceRequests;
import net.voipbin.rpc.error.ApiException;

class ConferenceJoinExecutorTest {

    private final UUID call = UUID.randomUUID();
    private final UUID conference = UUID.randomUUID();
    private final Action join = action("c", "conference_join", "{\"conference_id\":\"" + conference + "\"}");
    private final UUID postFlowId = UUID.randomUUID();
    private final List<Action> postActions = List.of(action("bye", "talk", "{\"text\":\"the conference has ended\"}"));
    private final UUID preFlowIdOfConference = UUID.randomUUID();
    private final List<Action> preActions = List.of(
            action("hello", "talk", "{\"text\":\"welcome\"}"),
            action("again", "goto", "{\"target_id\":\"hello\",\"loop_count\":1}"));
    private UUID preFlowId;
    private ApiException refusal;
    private ServiceRequests.ConferencecallCreate asked;

    private final ExternalServices services = new ExternalServices() {
        @Override
        public UUID joinQueue(ServiceRequests.QueuecallCreate request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UUID joinConference(ServiceRequests.ConferencecallCreate request) {
            if (refusal != null) {
                throw refusal;
            }
            asked = request;
            return UUID.randomUUID();
        }

        @Override
        public Optional<UUID> conferencePreFlow(UUID customerId, UUID conferenceId) {
            return Optional.ofNullable(preFlowId);
        }

        @Override
        public UUID startAiTalk(PipecatcallCreate request) {
            throw new UnsupportedOperationException();
        }
    };

    private final ConferenceJoinExecutor executor = new ConferenceJoinExecutor(services, (customer, flowId) ->
            flowId.equals(postFlowId) ? Optional.of(new Flow(flowId, customer, "post", "", postActions, Instant.now(),
                    Instant.now())) : flowId.equals(preFlowIdOfConference) ? Optional.of(new Flow(flowId, customer,
                    "pre", "", preActions, Instant.now(), Instant.now())) : Optional.empty(), TestContexts.VALIDATOR);

    @Test
    void aRefusedJoinGoesOnWithTheNextActionAndSaysWhy() {
        refusal = ApiException.conflict("conference_terminated", "conference " + conference + " is terminated");
        ActionContext context = context(call, join, Map.of());

        assertThat(executor.execute(context)).isEqualTo(Outcome.NEXT);
        assertThat(context.variables().get(ConferenceJoinExecutor.ERROR_VARIABLE))
                .isEqualTo("409 conference_terminated: conference " + conference + " is terminated");
    }

    @Test
    void theCallJoinsInTheRoleTheOptionNames() {
        executor.execute(context(call, action("c", "conference_join",
                "{\"conference_id\":\"" + conference + "\",\"role\":\"moderator\"}"), Map.of()));
        assertThat(asked.role()).isEqualTo("moderator");
        assertThat(asked.referenceId()).isEqualTo(call);

        executor.execute(context(call, join, Map.of()));
        assertThat(asked.role()).isNull();
    }

    @Test
    void thePreFlowRunsFirstThenTheSameJoinGoesAhead() {
        preFlowId = preFlowIdOfConference;
        Action after = action("after", "talk", "{\"text\":\"bye\"}");
        ActionContext first = TestContexts.context(TestContexts.state(call, List.of(join, after), Map.of()), join);

        Outcome outcome = executor.execute(first);

        List<Action> spliced = ((Outcome.Replace) outcome).actions();
        String prefix = spliced.getFirst().id().replace("hello", "");
        assertThat(spliced).extracting(Action::id).containsExactly(prefix + "hello", prefix + "again", prefix + "join",
                "c", "after");
        // The pre flow's own goto still points into the pre flow; its end goes back to the join.
        assertThat(spliced.get(1).option().path("target_id").asString()).isEqualTo(prefix + "hello");
        assertThat(spliced.get(2).type()).isEqualTo("goto");
        assertThat(spliced.get(2).option().path("target_id").asString()).isEqualTo("c");
        assertThat(asked).isNull();

        ActionContext second = context(call, join, first.variables());
        assertThat(executor.execute(second)).isInstanceOf(Outcome.Await.class);
        assertThat(asked.conferenceId()).isEqualTo(conference);
        assertThat(second.variables().get(ConferenceJoinExecutor.PRE_FLOW_VARIABLE)).isEmpty();
    }

    @Test
    void aConferenceManagerThatIsNotThereFailsTheAction() {
        refusal = ApiException.unavailable("no queue bin-manager.conference-manager.request");

        assertThatThrownBy(() -> executor.execute(context(call, join, Map.of()))).isSameAs(refusal);
    }

    @Test
    void aParticipantEndedByStopOrTimeoutContinuesWithThePostFlow() {
        Outcome outcome = executor.resume(context(call, join, Map.of()), new Signal.External("conferencecall:x",
                TestContexts.JSON.readTree("{\"reason\":\"stop\",\"post_flow_id\":\"" + postFlowId + "\"}")));

        assertThat(outcome).isEqualTo(new Outcome.Replace(postActions));
    }

    @Test
    void aKickedParticipantContinuesAfterTheJoin() {
        assertThat(executor.resume(context(call, join, Map.of()), new Signal.External("conferencecall:x",
                TestContexts.JSON.readTree("{\"reason\":\"kick\",\"post_flow_id\":null}")))).isEqualTo(Outcome.NEXT);
        assertThat(executor.resume(context(call, join, Map.of()), new Signal.External("conferencecall:x",
                TestContexts.JSON.readTree("{\"post_flow_id\":\"" + UUID.randomUUID() + "\"}"))))
                .isEqualTo(Outcome.NEXT);
    }
}
