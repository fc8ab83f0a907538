package net.voipbin.flowmanager.flow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.contract.flowmanager.FlowRequest;
import net.voipbin.flowmanager.action.FlowValidator;
import net.voipbin.rpc.cache.ReadCache;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** A customer's flows: stored only when every action is valid. */
@Service
public class FlowService implements FlowLookup {

    private static final Logger log = LoggerFactory.getLogger(FlowService.class);

    /** Flows kept in memory: a customer has few, and every call of a number starts one. */
    private static final int CACHED_FLOWS = 10_000;

    /**
     * How long a flow changed at another instance may go unseen here if its event is missed (this
     * instance's broker connection was down when it went out); normally the event drops it at once.
     */
    private static final Duration CACHE_MAX_AGE = Duration.ofSeconds(30);

    private final FlowRepository repository;
    private final FlowValidator validator;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    /** Each instance's own; every instance's writes reach the others as flow events ({@link FlowCacheInvalidation}). */
    private final ReadCache<FlowKey, Flow> cache = new ReadCache<>(CACHED_FLOWS, CACHE_MAX_AGE);

    private record FlowKey(UUID customerId, UUID flowId) {
    }

    FlowService(FlowRepository repository, FlowValidator validator, EventPublisher events, TransactionTemplate tx) {
        this.repository = repository;
        this.validator = validator;
        this.events = events;
        this.tx = tx;
    }

    /** The flow changed, here or at another instance: the next start reads it again. */
    void forget(UUID customerId, UUID flowId) {
        cache.invalidate(new FlowKey(customerId, flowId));
    }

    public Flow create(UUID customerId, FlowRequest request) {
        List<Action> actions = checked(request);
        Flow flow = tx.execute(status -> announced(FlowManagerEvents.FLOW_CREATED,
                repository.insert(customerId, request.name().strip(), detail(request), actions)));
        cache.put(new FlowKey(customerId, flow.id()), flow);
        log.info("flow {} created for customer {} with {} actions", flow.id(), customerId, actions.size());
        return flow;
    }

    public Flow get(UUID customerId, UUID id) {
        return repository.find(customerId, id).orElseThrow(() -> ApiException.notFound("flow " + id));
    }

    /** For starting activeflows and fetch_flow: from the cache, which this service's writes keep true. */
    @Override
    public Optional<Flow> find(UUID customerId, UUID flowId) {
        return cache.find(new FlowKey(customerId, flowId), () -> repository.find(customerId, flowId));
    }

    public Page<Flow> list(UUID customerId, PageQuery page) {
        return Page.of(repository.list(customerId, page), page.pageSize(), f -> new PageCursor(f.tmCreate(), f.id()));
    }

    public Flow update(UUID customerId, UUID id, FlowRequest request) {
        List<Action> actions = checked(request);
        Optional<Flow> updated = tx.execute(status -> repository.update(customerId, id, request.name().strip(),
                detail(request), actions).map(flow -> announced(FlowManagerEvents.FLOW_UPDATED, flow)));
        forget(customerId, id);
        return updated.orElseThrow(() -> ApiException.notFound("flow " + id));
    }

    public void delete(UUID customerId, UUID id) {
        Optional<Flow> deleted = tx.execute(status -> repository.find(customerId, id)
                .filter(flow -> repository.delete(customerId, id))
                .map(flow -> announced(FlowManagerEvents.FLOW_DELETED, flow)));
        forget(customerId, id);
        if (deleted.isEmpty()) {
            throw ApiException.notFound("flow " + id);
        }
        log.info("flow {} deleted", id);
    }

    private Flow announced(String type, Flow flow) {
        events.publish(type, flow);
        return flow;
    }

    private List<Action> checked(FlowRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_body", "a flow body is required");
        }
        if (request.name() == null || request.name().isBlank()) {
            throw ApiException.invalidField("name", "must not be blank");
        }
        if (request.name().length() > 255) {
            throw ApiException.invalidField("name", "at most 255 characters");
        }
        return validator.validate(request.actions());
    }

    private static String detail(FlowRequest request) {
        return request.detail() == null ? "" : request.detail();
    }
}
