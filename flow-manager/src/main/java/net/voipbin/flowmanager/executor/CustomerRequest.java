package net.voipbin.flowmanager.executor;

import java.util.Map;
import java.util.UUID;

import net.voipbin.flowmanager.engine.ActionContext;

/** What webhook_send and fetch POST to the customer: the activeflow, the action and its variables. */
record CustomerRequest(UUID activeflowId, UUID flowId, UUID customerId, String referenceType, UUID referenceId,
        String actionId, Map<String, String> variables) {

    static CustomerRequest of(ActionContext context) {
        return new CustomerRequest(context.activeflowId(), context.flowId(), context.customerId(),
                context.state().referenceType().name().toLowerCase(java.util.Locale.ROOT),
                context.state().referenceId(), context.action().id(), context.variables());
    }
}
