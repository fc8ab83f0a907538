package net.voipbin.flowmanager.engine;

import static net.voipbin.flowmanager.engine.TestContexts.NOW;
import static net.voipbin.flowmanager.engine.TestContexts.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RunningActiveflowsTest {

    private final InMemoryStore store = new InMemoryStore();
    private final UUID call = UUID.randomUUID();

    private ActiveflowState flow() {
        return TestContexts.state(call, List.of(action("a", "answer", "{}")), Map.of());
    }

    @Test
    void loadingAfterARestartKeepsTheRunningActiveflowsWithTheirWaits() {
        ActiveflowState waiting = flow().withWait(Wait.answer(call), NOW);
        ActiveflowState ended = flow().ended(null, NOW);
        store.insert(waiting);
        store.insert(ended);

        RunningActiveflows loaded = RunningActiveflows.load(store);

        assertThat(loaded.all()).containsExactly(waiting);
        assertThat(loaded.byWaitKey(Signal.answerKey(call))).containsExactly(waiting.id());
        assertThat(loaded.running(ended.id())).isEmpty();
    }

    @Test
    void everyChangeIsStoredAndTheRunningOnesAreReadFromMemory() {
        RunningActiveflows activeflows = RunningActiveflows.load(store);
        ActiveflowState flow = flow();
        activeflows.insert(flow);
        ActiveflowState waiting = flow.withWait(Wait.operation("op-1"), NOW);

        activeflows.save(waiting);

        assertThat(store.row(flow.id())).isEqualTo(waiting);
        assertThat(activeflows.running(flow.id())).contains(waiting);
        assertThat(activeflows.byWaitKey(Signal.operationKey("op-1"))).containsExactly(flow.id());
        assertThat(activeflows.byReference(call)).containsExactly(flow.id());
        assertThat(store.reads.get()).as("only the start-up load").isEqualTo(1);
    }

    @Test
    void theSizeAnOperatorSeesCountsRunningActiveflowsOnly() {
        RunningActiveflows activeflows = RunningActiveflows.load(store);
        ActiveflowState first = flow();
        activeflows.insert(first);
        activeflows.insert(flow());
        assertThat(activeflows.size()).isEqualTo(2);

        activeflows.save(first.ended("stopped", NOW));

        assertThat(activeflows.size()).isEqualTo(1);
    }

    @Test
    void anEndedActiveflowLeavesMemoryAndIsStillFoundInTheStore() {
        RunningActiveflows activeflows = RunningActiveflows.load(store);
        ActiveflowState flow = flow();
        activeflows.insert(flow);
        ActiveflowState ended = flow.ended("stopped", NOW);

        activeflows.save(ended);

        assertThat(activeflows.running(flow.id())).isEmpty();
        assertThat(activeflows.byReference(call)).isEmpty();
        assertThat(activeflows.find(flow.id())).contains(ended);
    }

    @Test
    void aChangeTheStoreRefusesDoesNotCount() {
        RunningActiveflows activeflows = RunningActiveflows.load(store);
        ActiveflowState flow = flow();
        activeflows.insert(flow);
        store.failure = new IllegalStateException("database down");

        assertThatThrownBy(() -> activeflows.save(flow.withWait(Wait.operation("op-1"), NOW)))
                .hasMessage("database down");
        assertThatThrownBy(() -> activeflows.insert(flow()));

        assertThat(activeflows.running(flow.id())).contains(flow);
        assertThat(activeflows.byWaitKey(Signal.operationKey("op-1"))).isEmpty();
        assertThat(activeflows.all()).containsExactly(flow);
    }

    @Test
    void aHeldChangeIsFoundInMemoryAndWrittenWithTheNextSaveAgainstTheStoredRow() {
        RunningActiveflows activeflows = RunningActiveflows.load(store);
        ActiveflowState flow = flow();
        activeflows.insert(flow);
        ActiveflowState waiting = flow.withWait(Wait.answer(call), NOW);

        activeflows.hold(waiting);

        assertThat(store.row(flow.id())).isEqualTo(flow);
        assertThat(activeflows.byWaitKey(Signal.answerKey(call))).containsExactly(flow.id());
        ActiveflowState ended = waiting.ended(null, NOW);
        activeflows.save(ended);
        assertThat(store.lastBase).isEqualTo(flow);
        assertThat(store.row(flow.id())).isEqualTo(ended);
        assertThat(activeflows.running(flow.id())).isEmpty();
    }
}
