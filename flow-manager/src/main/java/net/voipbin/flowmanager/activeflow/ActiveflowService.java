package net.voipbin.flowmanager.activeflow;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.ActiveflowCreate;
import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.flowmanager.cluster.Leadership;
import net.voipbin.flowmanager.engine.ActionEngine;
import net.voipbin.flowmanager.engine.ActiveflowEvents;
import net.voipbin.flowmanager.engine.ActiveflowState;
import net.voipbin.flowmanager.engine.RunningActiveflows;
import net.voipbin.flowmanager.engine.Variables;
import net.voipbin.flowmanager.flow.FlowLookup;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;
import net.voipbin.rpc.topology.Topology;

/** Starting, reading and stopping activeflows; the running itself is the engine's. */
@Service
public class ActiveflowService {

    private static final Logger log = LoggerFactory.getLogger(ActiveflowService.class);
    /** Seeded into the flow a completed transfer moves its call on to. */
    static final String TRANSFER_ID = "voipbin.transfer.id";
    static final String TRANSFER_TARGET_CALL_ID = "voipbin.transfer.target_call_id";

    private final ActiveflowRepository repository;
    private final RunningActiveflows activeflows;
    private final FlowLookup flows;
    private final ActionEngine engine;
    private final ActiveflowEvents events;
    private final Clock clock;
    private final Leadership leadership;
    private final FlowManagerClient leader;

    ActiveflowService(ActiveflowRepository repository, RunningActiveflows activeflows, FlowLookup flows,
            ActionEngine engine, ActiveflowEvents events, Clock clock, Leadership leadership, RpcClient rpc,
            Topology topology) {
        this.leadership = leadership;
        this.leader = new FlowManagerClient(rpc, topology);
        this.repository = repository;
        this.activeflows = activeflows;
        this.flows = flows;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the activeflow, announces it and starts its first action in the background. With an id of
     * the caller's that is already running, this is a retry: the running activeflow is the answer.
     */
    public Activeflow create(ActiveflowCreate request) {
        if (request.id() != null) {
            Optional<ActiveflowState> running = activeflows.running(request.id());
            if (running.isPresent()) {
                return running.get().toActiveflow();
            }
        }
        Flow flow = flows.find(request.customerId(), request.flowId())
                .orElseThrow(() -> ApiException.notFound("flow " + request.flowId()));
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        Instant now = clock.instant();
        ActiveflowState state = new ActiveflowState(id, request.customerId(), flow.id(), request.referenceType(),
                request.referenceId(), flow.actions(), flow.actions().getFirst().id(), Activeflow.Status.RUNNING,
                seed(id, request), Map.of(), 0, null, null, now, now, null);
        try {
            events.atomically(() -> {
                activeflows.insert(state);
                events.publish(FlowManagerEvents.ACTIVEFLOW_CREATED, state.toActiveflow());
            });
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("activeflow_exists", "activeflow " + id + " exists and has ended");
        }
        log.info("activeflow {} created: flow {} for {} {}", id, flow.id(), request.referenceType(),
                request.referenceId());
        engine.start(id);
        return state.toActiveflow();
    }

    /**
     * A completed transfer moves its call on to the flow it names: the call's new activeflow, under the id
     * the transfer chose, seeded with the variables of the call's previous flow (what it collected and set
     * travels on) and {@code voipbin.transfer.id} / {@code voipbin.transfer.target_call_id}. Started once:
     * an activeflow with that id, running or ended, is left as it is. A flow deleted since the transfer was
     * asked for starts nothing (logged): the call stays with the target, as a transfer without a flow leaves it.
     */
    void moveOn(ActiveflowSignals.TransferCompleted transfer) {
        UUID id = transfer.activeflowId();
        if (activeflows.running(id).isPresent() || repository.find(id).isPresent()) {
            log.info("transfer {}: activeflow {} of call {} exists already", transfer.transferId(), id,
                    transfer.transfereeCallId());
            return;
        }
        Map<String, String> variables = new HashMap<>(repository.latestOf(transfer.transfereeCallId(), id)
                .map(ActiveflowState::variables).orElse(Map.of()));
        if (transfer.transferId() != null) {
            variables.put(TRANSFER_ID, transfer.transferId().toString());
        }
        if (transfer.targetCallId() != null) {
            variables.put(TRANSFER_TARGET_CALL_ID, transfer.targetCallId().toString());
        }
        try {
            create(new ActiveflowCreate(id, transfer.customerId(), transfer.flowId(), Activeflow.ReferenceType.CALL,
                    transfer.transfereeCallId(), variables));
        } catch (ApiException e) {
            if (e.status() == 409) {
                return;
            }
            log.warn("transfer {}: flow {} could not be started on call {}: {}", transfer.transferId(),
                    transfer.flowId(), transfer.transfereeCallId(), e.getMessage());
        }
    }

    public Activeflow get(UUID id) {
        return repository.find(id).map(ActiveflowState::toActiveflow)
                .orElseThrow(() -> ApiException.notFound("activeflow " + id));
    }

    public Activeflow get(UUID customerId, UUID id) {
        return repository.find(customerId, id).map(ActiveflowState::toActiveflow)
                .orElseThrow(() -> ApiException.notFound("activeflow " + id));
    }

    public Page<Activeflow> list(UUID customerId, PageQuery page) {
        List<Activeflow> rows = repository.list(customerId, page).stream().map(ActiveflowState::toActiveflow).toList();
        return Page.of(rows, page.pageSize(), a -> new PageCursor(a.tmCreate(), a.id()));
    }

    /** Ends the activeflow wherever it is; stopping an ended one answers it unchanged. */
    public Activeflow stop(UUID id) {
        return engine.stop(id, null).map(ActiveflowState::toActiveflow)
                .orElseThrow(() -> ApiException.notFound("activeflow " + id));
    }

    /** The customer's stop, taken by any instance: a stand-by asks the leader, which runs the flow. */
    public Activeflow stop(UUID customerId, UUID id) {
        get(customerId, id);
        return leadership.isLeader() ? stop(id) : leader.stop(id);
    }

    private static Map<String, String> seed(UUID id, ActiveflowCreate request) {
        Map<String, String> variables = new HashMap<>(request.variables());
        variables.put(Variables.ACTIVEFLOW_ID, id.toString());
        variables.put(Variables.FLOW_ID, request.flowId().toString());
        variables.put(Variables.CUSTOMER_ID, request.customerId().toString());
        variables.put(Variables.REFERENCE_TYPE, request.referenceType().name().toLowerCase(java.util.Locale.ROOT));
        variables.put(Variables.REFERENCE_ID, request.referenceId().toString());
        if (request.referenceType() == Activeflow.ReferenceType.CALL) {
            variables.put(Variables.CALL_ID, request.referenceId().toString());
        }
        variables.putIfAbsent(Variables.CALL_DIGITS, "");
        return variables;
    }
}
