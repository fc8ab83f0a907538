package net.voipbin.flowmanager.engine;

import static net.voipbin.flowmanager.engine.TestContexts.NOW;
import static net.voipbin.flowmanager.engine.TestContexts.action;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class RunningIndexTest {

    private final RunningIndex index = new RunningIndex();
    private final UUID call = UUID.randomUUID();

    private ActiveflowState flowOf(UUID callId) {
        return TestContexts.state(callId, List.of(action("a", "answer", "{}")), Map.of());
    }

    private static ActiveflowState waiting(ActiveflowState state, String... keys) {
        return state.withWait(new Wait(Wait.Kind.EXTERNAL, List.of(keys), null), NOW);
    }

    @Test
    void aRunningActiveflowIsFoundByIdAndByItsCall() {
        ActiveflowState flow = flowOf(call);

        index.put(flow);

        assertThat(index.get(flow.id())).contains(flow);
        assertThat(index.byReference(call)).containsExactly(flow.id());
        assertThat(index.byReference(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theWaitKeyIndexFollowsTheWaitFromOneActionToTheNext() {
        ActiveflowState flow = flowOf(call);
        index.put(waiting(flow, "op:1"));
        assertThat(index.byWaitKey("op:1")).containsExactly(flow.id());

        index.put(waiting(flow, "op:2"));
        assertThat(index.byWaitKey("op:1")).isEmpty();
        assertThat(index.byWaitKey("op:2")).containsExactly(flow.id());

        index.put(flow.moveTo("b", NOW));
        assertThat(index.byWaitKey("op:2")).as("between actions it waits for nothing").isEmpty();
        assertThat(index.get(flow.id())).isPresent();
    }

    @Test
    void aKeyStillWaitedOnStaysWhileTheOtherKeysChange() {
        ActiveflowState flow = flowOf(call);
        index.put(waiting(flow, "timer:1", "hangup:x"));

        index.put(waiting(flow, "timer:2", "hangup:x"));

        assertThat(index.byWaitKey("hangup:x")).containsExactly(flow.id());
        assertThat(index.byWaitKey("timer:1")).isEmpty();
        assertThat(index.byWaitKey("timer:2")).containsExactly(flow.id());
    }

    @Test
    void anEndedActiveflowLeavesEveryIndex() {
        ActiveflowState flow = waiting(flowOf(call), "op:1");
        index.put(flow);

        index.put(flow.ended(null, NOW));

        assertThat(index.get(flow.id())).isEmpty();
        assertThat(index.byReference(call)).isEmpty();
        assertThat(index.byWaitKey("op:1")).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void activeflowsSharingACallOrAKeyAreListedTogetherAndLeaveOneByOne() {
        ActiveflowState first = waiting(flowOf(call), "hangup:peer");
        ActiveflowState second = waiting(flowOf(call), "hangup:peer");
        index.put(first);
        index.put(second);
        assertThat(index.byReference(call)).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(index.byWaitKey("hangup:peer")).containsExactlyInAnyOrder(first.id(), second.id());

        index.put(first.ended(null, NOW));

        assertThat(index.byReference(call)).containsExactly(second.id());
        assertThat(index.byWaitKey("hangup:peer")).containsExactly(second.id());
    }

    @Test
    void anEndedActiveflowThatWasNeverRunningHereIsNotKept() {
        index.put(flowOf(call).ended("failed", NOW));

        assertThat(index.size()).isZero();
        assertThat(index.byReference(call)).isEmpty();
    }

    @Test
    void concurrentChangesOfManyActiveflowsOnSharedKeysLeaveTheIndexesExact() throws Exception {
        int flows = 64;
        List<ActiveflowState> started = new ArrayList<>();
        for (int i = 0; i < flows; i++) {
            started.add(flowOf(call));
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Void>> runs = started.stream().map(flow -> CompletableFuture.runAsync(() -> {
                for (int step = 0; step < 200; step++) {
                    index.put(waiting(flow, "shared", "op:" + flow.id() + ":" + step));
                }
            }, threads)).toList();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
            assertThat(index.byWaitKey("shared")).hasSize(flows);
            assertThat(index.byReference(call)).hasSize(flows);
            assertThat(index.byWaitKey("op:" + started.getFirst().id() + ":199")).containsExactly(started.getFirst().id());
            assertThat(index.byWaitKey("op:" + started.getFirst().id() + ":198")).isEmpty();

            List<CompletableFuture<Void>> ends = started.stream()
                    .map(flow -> CompletableFuture.runAsync(() -> index.put(flow.ended(null, NOW)), threads)).toList();
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get();
        }
        assertThat(index.byWaitKey("shared")).isEmpty();
        assertThat(index.byReference(call)).isEmpty();
        assertThat(index.size()).isZero();
    }
}
