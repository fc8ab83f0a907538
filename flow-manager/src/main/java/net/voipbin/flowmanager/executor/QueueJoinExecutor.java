package net.voipbin.flowmanager.executor;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ExternalOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.Wait;
import net.voipbin.flowmanager.external.ExternalServices;
import net.voipbin.flowmanager.external.ServiceKeys;
import net.voipbin.flowmanager.external.ServiceRequests;
import net.voipbin.flowmanager.flow.FlowLookup;
import tools.jackson.databind.JsonNode;

/**
 * Hands the call to queue-manager (with the activeflow's variables: the queue reads the caller's priority from
 * one) and waits for the queuecall to end: {@code queuecall_done} (served; the flow goes on when the agent hung
 * up), {@code queuecall_abandoned}, {@code queuecall_kicked} (taken out of the line by the customer: the next
 * action), {@code queuecall_timeout}. A timeout goes where the queue's overflow says:
 * the next action ({@code continue}), the overflow flow instead of the rest of this one ({@code flow}), or on
 * waiting for the queuecall in the overflow queue ({@code queue}). The outcome is in the variables
 * {@code voipbin.queuecall.status} and {@code voipbin.queuecall.end_reason}. A queue the customer does not have
 * is a 404 from queue-manager: the action fails (the flow's error), the caller is not left waiting.
 */
@Component
class QueueJoinExecutor implements ActionExecutor {

    static final String STATUS_VARIABLE = "voipbin.queuecall.status";
    static final String REASON_VARIABLE = "voipbin.queuecall.end_reason";
    private static final Logger log = LoggerFactory.getLogger(QueueJoinExecutor.class);

    private final ExternalServices services;
    private final Optional<FlowLookup> flows;

    @Autowired
    QueueJoinExecutor(ExternalServices services, FlowLookup flows) {
        this.services = services;
        this.flows = Optional.of(flows);
    }

    /** Without flow lookup: overflow flows are not run (unit tests of the join alone). */
    QueueJoinExecutor(ExternalServices services) {
        this.services = services;
        this.flows = Optional.empty();
    }

    @Override
    public ActionType type() {
        return ActionType.QUEUE_JOIN;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.QueueJoin option = context.option(ExternalOptions.QueueJoin.class);
        UUID queuecallId = services.joinQueue(new ServiceRequests.QueuecallCreate(context.customerId(),
                option.queueId(), "call", CallOf.require(context), context.activeflowId(), context.variables()));
        return Outcome.await(Wait.external(ServiceKeys.queuecall(queuecallId)));
    }

    @Override
    public Outcome resume(ActionContext context, Signal signal) {
        if (!(signal instanceof Signal.External external) || external.data() == null) {
            return Outcome.NEXT;
        }
        JsonNode queuecall = external.data();
        context.setVariable(STATUS_VARIABLE, queuecall.path("status").asString(""));
        context.setVariable(REASON_VARIABLE, queuecall.path("end_reason").asString(""));
        if (!"timeout".equals(queuecall.path("status").asString(""))) {
            return Outcome.NEXT;
        }
        JsonNode overflow = queuecall.path("overflow");
        return switch (overflow.path("type").asString("continue")) {
            case "queue" -> uuid(queuecall.path("overflow_queuecall_id"))
                    .map(next -> Outcome.await(Wait.external(ServiceKeys.queuecall(next))))
                    .orElse(Outcome.NEXT);
            case "flow" -> uuid(overflow.path("flow_id")).flatMap(flowId -> flows.flatMap(f -> f.find(
                    context.customerId(), flowId))).map(flow -> (Outcome) new Outcome.Replace(flow.actions()))
                    .orElseGet(() -> {
                        log.warn("activeflow {}: overflow flow {} not found, the flow goes on", context.activeflowId(),
                                overflow.path("flow_id").asString(""));
                        return Outcome.NEXT;
                    });
            default -> Outcome.NEXT;
        };
    }

    private static Optional<UUID> uuid(JsonNode node) {
        try {
            return node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(UUID.fromString(node.asString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
