package net.voipbin.flowmanager.engine;

import static net.voipbin.flowmanager.engine.TestContexts.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.flowmanager.executor.Executors;
import net.voipbin.flowmanager.executor.FakeCallCommands;

class ActionEngineTest {

    private final InMemoryStore store = new InMemoryStore();
    private final FakeCallCommands calls = new FakeCallCommands();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final UUID call = UUID.randomUUID();
    private final EarlySignals early = new EarlySignals(Clock.systemUTC(), Duration.ofSeconds(10), 100);
    private final RunningActiveflows activeflows = RunningActiveflows.load(store);
    private final ActionEngine engine = new ActionEngine(activeflows, Executors.all(calls), (type, af) -> events.add(type),
            TestContexts.VALIDATOR, new EngineProperties(20, Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC(), early);

    @AfterEach
    void close() {
        engine.close();
    }

    private UUID startFlow(List<Action> actions) {
        ActiveflowState state = TestContexts.state(call, TestContexts.VALIDATOR.validate(actions), Map.of());
        activeflows.insert(state);
        engine.run(state.id());
        return state.id();
    }

    /** As stored: what a restarted flow-manager and the API would see. */
    private ActiveflowState stateOf(UUID id) {
        return store.row(id);
    }

    private void finish(UUID id, String digits) {
        String operationId = stateOf(id).awaiting().keys().getFirst().substring("op:".length());
        engine.signal(id, new Signal.OperationFinished(new CallOperationFinished(call, null, id, operationId,
                CallOperationFinished.Operation.TALK, CallOperationFinished.Result.DONE, digits)));
    }

    private List<Action> ivr() {
        return List.of(action("answer", "answer", "{}"),
                action("talk", "talk", "{\"text\":\"Press 1 or 2\"}"),
                action("digits", "digits_receive", "{\"max_length\":1}"),
                action("branch", "branch", "{\"target_ids\":{\"1\":\"playA\",\"2\":\"playB\"}}"),
                new Action("playA", "play", TestContexts.JSON.readTree("{\"media\":[\"sound:a\"]}"), "hangup"),
                action("playB", "play", "{\"media\":[\"sound:b\"]}"),
                action("hangup", "hangup", "{}"));
    }

    @Test
    void runsOneActionAtATimeEachAwaitingItsCompletion() {
        UUID id = startFlow(ivr());
        assertThat(calls.operations()).containsExactly("answer", "talk");
        assertThat(stateOf(id).currentActionId()).isEqualTo("talk");

        finish(id, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.operations().size() == 3);
        finish(id, "2");
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.operations().size() == 4);
        assertThat(((CallRequests.Play) calls.last().request()).media()).containsExactly("sound:b");
        finish(id, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.operations().contains("hangup"));
        assertThat(stateOf(id).running()).as("the flow ends when the call is gone").isTrue();
        engine.signal(id, new Signal.CallHungup(call));

        await().atMost(Duration.ofSeconds(5)).until(() -> !stateOf(id).running());
        assertThat(calls.operations()).containsExactly("answer", "talk", "digits_receive", "play", "hangup");
        assertThat(stateOf(id).variables()).containsEntry(Variables.CALL_DIGITS, "2");
        assertThat(stateOf(id).error()).isNull();
        assertThat(events.getLast()).isEqualTo(FlowManagerEvents.ACTIVEFLOW_DELETED);
    }

    @Test
    void aSignalForAnotherOperationDoesNotMoveTheFlow() {
        UUID id = startFlow(ivr());

        engine.signal(id, new Signal.OperationFinished(new CallOperationFinished(call, null, id, "someone-else",
                CallOperationFinished.Operation.TALK, CallOperationFinished.Result.DONE, null)));

        assertThat(stateOf(id).currentActionId()).isEqualTo("talk");
        assertThat(calls.operations()).containsExactly("answer", "talk");
    }

    @Test
    void stoppingEndsTheFlowAndLateEventsSendNothingMore() {
        UUID id = startFlow(ivr());
        String operation = stateOf(id).awaiting().keys().getFirst();

        engine.stop(id, null);
        engine.signal(id, new Signal.OperationFinished(new CallOperationFinished(call, null, id,
                operation.substring(3), null, CallOperationFinished.Result.STOPPED, null)));

        assertThat(stateOf(id).running()).isFalse();
        assertThat(calls.operations()).containsExactly("answer", "talk");
        assertThat(events).containsOnlyOnce(FlowManagerEvents.ACTIVEFLOW_DELETED);
    }

    @Test
    void theExecuteCountGuardCutsAnInfiniteLoop() {
        UUID id = startFlow(List.of(action("set", "variable_set", "{\"name\":\"x\",\"value\":\"y\"}"),
                action("loop", "goto", "{\"target_id\":\"set\"}")));

        ActiveflowState ended = stateOf(id);
        assertThat(ended.running()).isFalse();
        assertThat(ended.executeCount()).isEqualTo(20);
        assertThat(ended.error()).contains("execute count guard");
    }

    @Test
    void aFailingCommandEndsTheFlowWithAnErrorNamingTheAction() {
        calls.failure = net.voipbin.rpc.error.ApiException.unavailable("call-manager is down");

        UUID id = startFlow(ivr());

        assertThat(stateOf(id).running()).isFalse();
        assertThat(stateOf(id).error()).contains("answer", "503", "call-manager is down");
    }

    @Test
    void sleepResumesOnItsTimerAndAfterARestartTheTimerIsArmedAgain() {
        UUID id = startFlow(List.of(action("s", "sleep", "{\"duration_ms\":50}"), action("t", "talk", "{\"text\":\"hi\"}")));
        assertThat(stateOf(id).awaiting().kind()).isEqualTo(Wait.Kind.TIMER);

        ActionEngine restarted = new ActionEngine(RunningActiveflows.load(store), Executors.all(calls), (type, af) -> events.add(type),
                TestContexts.VALIDATOR, new EngineProperties(20, Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC(), early);
        engine.close();
        restarted.recover();

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.operations().contains("talk"));
        restarted.close();
    }

    @Test
    void aSignalThatOvertookItsWaitIsDeliveredOnceTheWaitIsSaved() {
        UUID dialed = UUID.randomUUID();
        calls.dialed = List.of(dialed);
        early.remember(new Signal.CallAnswered(dialed));

        UUID id = startFlow(List.of(action("c", "connect", "{\"source\":{\"type\":\"tel\",\"target\":\"+1555\"},"
                + "\"destinations\":[{\"type\":\"tel\",\"target\":\"+1666\"}]}")));

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.operations().contains("bridge"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stateOf(id).awaiting().kind() == Wait.Kind.PEER);
    }

    @Test
    void variablesAreKeptAndStopEndsTheFlowWithoutCallCommands() {
        UUID id = startFlow(List.of(action("v", "variable_set", "{\"name\":\"greeting\",\"value\":\"hi\"}"),
                action("s", "stop", "{}")));

        assertThat(stateOf(id).running()).isFalse();
        assertThat(stateOf(id).variables()).containsEntry("greeting", "hi");
        assertThat(calls.commands).isEmpty();
    }

    @Test
    void anAnswerHangupFlowRunsToItsEndOnWritesAloneWithoutReadingTheStore() {
        calls.answerStatus = CallStatus.RINGING;
        int loadReads = store.reads.get();
        UUID id = startFlow(List.of(action("a", "answer", "{}"), action("h", "hangup", "{}")));
        engine.signal(id, new Signal.CallAnswered(call));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.operations().contains("hangup"));

        engine.signal(id, new Signal.CallHungup(call));
        engine.end(id, null);

        assertThat(stateOf(id).running()).isFalse();
        assertThat(events).containsOnlyOnce(FlowManagerEvents.ACTIVEFLOW_DELETED);
        assertThat(store.reads.get()).isEqualTo(loadReads);
    }

    @Test
    void stoppingAnEndedFlowAnswersItAsStoredAndChangesNothing() {
        UUID id = startFlow(List.of(action("s", "stop", "{}")));
        ActiveflowState ended = stateOf(id);

        assertThat(engine.stop(id, "too late")).contains(ended);
        assertThat(engine.stop(UUID.randomUUID(), null)).isEmpty();
        assertThat(stateOf(id).error()).isNull();
        assertThat(events).containsOnlyOnce(FlowManagerEvents.ACTIVEFLOW_DELETED);
    }

    @Test
    void aResumedFlowRunsItsNextActionAtOnceAndStoresBothChangesInOneWrite() {
        UUID id = startFlow(List.of(action("talk", "talk", "{\"text\":\"Hello\"}"), action("hangup", "hangup", "{}")));
        int writes = store.writes.get();
        events.clear();

        finish(id, null);

        assertThat(calls.operations()).containsExactly("talk", "hangup");
        assertThat(store.writes.get() - writes).isEqualTo(1);
        assertThat(stateOf(id).currentActionId()).isEqualTo("hangup");
        assertThat(stateOf(id).awaiting().keys()).contains(Signal.hangupKey(call));
        assertThat(events).containsExactly(FlowManagerEvents.ACTIVEFLOW_UPDATED);
    }

    @Test
    void whenThatWriteFailsTheFlowStillWaitsAsStoredAndTheRedeliveredEventMovesItOn() {
        UUID id = startFlow(List.of(action("talk", "talk", "{\"text\":\"Hello\"}"), action("hangup", "hangup", "{}")));
        ActiveflowState waiting = stateOf(id);
        store.failure = new IllegalStateException("database down");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> finish(id, null)).isSameAs(store.failure);
        assertThat(stateOf(id)).isEqualTo(waiting);
        assertThat(activeflows.running(id)).contains(waiting);

        store.failure = null;
        finish(id, null);
        assertThat(stateOf(id).currentActionId()).isEqualTo("hangup");
        assertThat(stateOf(id).awaiting().keys()).contains(Signal.hangupKey(call));
    }

    @Test
    void waitingForTheAnswerCostsNoWriteAndARestartAnswersAgain() {
        calls.answerStatus = CallStatus.RINGING;
        UUID id = startFlow(List.of(action("a", "answer", "{}"), action("h", "hangup", "{}")));
        assertThat(activeflows.running(id).orElseThrow().awaiting().keys()).contains(new Signal.CallAnswered(call).key());
        assertThat(stateOf(id).awaiting()).as("as stored").isNull();
        assertThat(store.writes.get()).as("the insert alone").isEqualTo(1);

        ActionEngine restarted = new ActionEngine(RunningActiveflows.load(store), Executors.all(calls), (type, af) -> events.add(type),
                TestContexts.VALIDATOR, new EngineProperties(20, Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC(), early);
        engine.close();
        calls.answerStatus = CallStatus.PROGRESSING;
        restarted.recover();

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.operations().contains("hangup"));
        assertThat(calls.operations()).containsExactly("answer", "answer", "hangup");
        restarted.close();
    }

    @Test
    void theAnswerAndTheHangupThatFollowsItAreWrittenTogether() {
        calls.answerStatus = CallStatus.RINGING;
        UUID id = startFlow(List.of(action("a", "answer", "{}"), action("h", "hangup", "{}")));

        engine.signal(id, new Signal.CallAnswered(call));

        assertThat(store.writes.get()).as("the insert, then answer and hangup at once").isEqualTo(2);
        assertThat(stateOf(id).currentActionId()).isEqualTo("h");
        assertThat(stateOf(id).awaiting().keys()).contains(Signal.hangupKey(call));
    }
}
