package net.voipbin.flowmanager.engine;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.FlowValidator;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.trace.Trace;

/**
 * Runs activeflows one action at a time: picks the current action, hands it (options substituted) to
 * the executor of its type, applies the outcome and saves it. An action that waits leaves the flow
 * parked until {@link #signal} delivers the matching event. Every change happens under the
 * activeflow's lock, so events and steps never interleave.
 */
public class ActionEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActionEngine.class);

    private final RunningActiveflows activeflows;
    private final Map<ActionType, ActionExecutor> executors = new EnumMap<>(ActionType.class);
    private final ActiveflowEvents events;
    private final FlowValidator options;
    private final EngineProperties properties;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(4096);
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("flow-", 0).factory());
    private final Timers timers;
    private final EarlySignals early;

    public ActionEngine(RunningActiveflows activeflows, List<ActionExecutor> executorList, ActiveflowEvents events,
            FlowValidator options, EngineProperties properties, Clock clock, EarlySignals early) {
        this.early = early;
        this.activeflows = activeflows;
        this.events = events;
        this.options = options;
        this.properties = properties;
        this.clock = clock;
        this.timers = new Timers(clock);
        executorList.forEach(e -> executors.put(e.type(), e));
        for (ActionType type : ActionType.values()) {
            if (!executors.containsKey(type)) {
                throw new IllegalStateException("no executor for action type " + type.wire());
            }
        }
    }

    /** Runs the activeflow's actions in the background until it waits or ends, under the caller's trace id. */
    public void start(UUID id) {
        String traceId = Trace.currentOrNew();
        workers.execute(() -> Trace.runWith(traceId, () -> run(id)));
    }

    /** Runs the activeflow's actions on the calling thread until it waits or ends. */
    public void run(UUID id) {
        try {
            while (locks.with(id, () -> step(id))) {
                // next action
            }
        } catch (RuntimeException e) {
            log.error("activeflow {} stopped on an engine error: {}", id, e.getMessage(), e);
        }
    }

    /**
     * Delivers an event to the activeflow; if it completes the awaited action the flow runs on: its next
     * action here, the rest in the background.
     */
    public void signal(UUID id, Signal signal) {
        if (locks.with(id, () -> resume(id, signal))) {
            start(id);
        }
    }

    /** Ends a running activeflow wherever it is; answers it as ended (empty if unknown). */
    public Optional<ActiveflowState> stop(UUID id, String error) {
        return locks.with(id, () -> activeflows.running(id).map(state -> finish(state, error))
                .or(() -> activeflows.find(id)));
    }

    /** Ends the activeflow if it still runs (its call is gone); one already ended is left as it is, unread. */
    public void end(UUID id, String error) {
        locks.with(id, () -> activeflows.running(id).map(state -> finish(state, error)));
    }

    /** After a restart: flows that were between actions run on, timers are armed again. */
    public void recover() {
        for (ActiveflowState state : activeflows.all()) {
            if (state.awaiting() == null) {
                start(state.id());
            } else if (state.awaiting().kind() == Wait.Kind.TIMER) {
                schedule(state);
            }
        }
    }

    private boolean step(UUID id) {
        ActiveflowState state = activeflows.running(id).orElse(null);
        return state != null && step(state, state);
    }

    /**
     * Executes the current action of {@code state}, which may hold changes not written yet;
     * {@code stored} is the state as stored and announced, the base of the write and the events.
     */
    private boolean step(ActiveflowState state, ActiveflowState stored) {
        if (state.awaiting() != null) {
            return false;
        }
        if (state.executeCount() >= properties.maxExecutions()) {
            finish(state, "execute count guard: " + properties.maxExecutions()
                    + " actions executed, stopped at action '" + state.currentActionId() + "' (infinite loop?)");
            return false;
        }
        Optional<Action> current = state.action(state.currentActionId());
        if (current.isEmpty()) {
            finish(state, "no action with id '" + state.currentActionId() + "'");
            return false;
        }
        Action action = current.get();
        log.debug("activeflow {} executes action {} ({})", state.id(), action.id(), action.type());
        ActionContext context = context(state, action);
        ActionExecutor executor = executor(action);
        Outcome outcome = guarded(action, () -> executor.execute(context));
        ActiveflowState after = state.executed(context.variables(), context.gotoCounts(), true)
                .apply(action, outcome, clock.instant());
        if (executor.redoable() && after.running() && after.awaiting() != null
                && after.awaiting().kind() != Wait.Kind.TIMER && state == stored) {
            // Nothing changed but the wait: a restart executes the action again instead.
            activeflows.hold(after);
            awaitSignal(after);
            return false;
        }
        return commit(stored, after);
    }

    /**
     * The awaited action completes. When the flow moves on to another action, that action runs at once
     * and one write stores both changes: the event that resumed the flow is acknowledged only after
     * this returns, so a crash before the write redelivers it to the stored, still waiting, state.
     */
    private boolean resume(UUID id, Signal signal) {
        ActiveflowState state = activeflows.running(id).orElse(null);
        if (state == null || state.awaiting() == null || !state.awaiting().keys().contains(signal.key())) {
            return false;
        }
        Action action = state.action(state.currentActionId()).orElseThrow();
        ActionContext context = context(state, action);
        Outcome outcome = guarded(action, () -> executor(action).resume(context, signal));
        ActiveflowState resumed = state.withWait(null, clock.instant())
                .executed(context.variables(), context.gotoCounts(), false).apply(action, outcome, clock.instant());
        if (resumed.running() && resumed.awaiting() == null) {
            return step(resumed, state);
        }
        return commit(state, resumed);
    }

    private ActionContext context(ActiveflowState state, Action action) {
        Action resolved = new Action(action.id(), action.type(), Variables.substitute(action.option(),
                state.variables()), action.nextId());
        return new ActionContext(state, resolved, (a, type) -> options.bind(a.option(), type), clock);
    }

    private ActionExecutor executor(Action action) {
        return executors.get(ActionType.of(action.type()).orElseThrow());
    }

    /** A failing command fails the flow with a message naming the action; it never escapes the engine. */
    private Outcome guarded(Action action, Supplier<Outcome> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            return Outcome.fail(action.type() + " (action '" + action.id() + "') failed: " + e.status() + " "
                    + e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("action {} ({}) failed", action.id(), action.type(), e);
            return Outcome.fail(action.type() + " (action '" + action.id() + "') failed: " + e);
        }
    }

    /** Writes {@code after} and announces what changed since {@code before}; whether the flow runs on. */
    private boolean commit(ActiveflowState before, ActiveflowState after) {
        events.atomically(() -> {
            activeflows.save(after);
            if (!after.running()) {
                events.publish(FlowManagerEvents.ACTIVEFLOW_DELETED, after.toActiveflow());
            } else if (!Objects.equals(before.currentActionId(), after.currentActionId())
                    || !before.actions().equals(after.actions())) {
                events.publish(FlowManagerEvents.ACTIVEFLOW_UPDATED, after.toActiveflow());
            }
        });
        if (!after.running()) {
            log.info("activeflow {} ended at action {}{}", after.id(), after.currentActionId(),
                    after.error() == null ? "" : ": " + after.error());
        }
        if (after.awaiting() != null && after.awaiting().kind() == Wait.Kind.TIMER) {
            schedule(after);
        } else if (after.awaiting() != null) {
            awaitSignal(after);
        }
        return after.running() && after.awaiting() == null;
    }

    /** A signal that came before its wait was in place is delivered now. */
    private void awaitSignal(ActiveflowState waiting) {
        early.take(waiting.awaiting().keys()).ifPresent(signal -> workers.execute(() -> signal(waiting.id(), signal)));
    }

    private ActiveflowState finish(ActiveflowState state, String error) {
        ActiveflowState ended = state.ended(error, clock.instant());
        events.atomically(() -> {
            activeflows.save(ended);
            events.publish(FlowManagerEvents.ACTIVEFLOW_DELETED, ended.toActiveflow());
        });
        log.info("activeflow {} stopped at action {}{}", ended.id(), ended.currentActionId(),
                error == null ? "" : ": " + error);
        return ended;
    }

    private void schedule(ActiveflowState state) {
        Signal fired = new Signal.TimerFired(state.awaiting().keys().getFirst());
        timers.at(state.awaiting().until(), () -> workers.execute(() -> signal(state.id(), fired)));
    }

    @Override
    public void close() {
        timers.close();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
