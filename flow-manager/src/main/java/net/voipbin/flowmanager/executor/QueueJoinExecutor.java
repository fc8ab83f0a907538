package net.voipbin.flowmanager.executor;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ExternalOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Wait;
import net.voipbin.flowmanager.external.ExternalServices;
import net.voipbin.flowmanager.external.ServiceKeys;
import net.voipbin.flowmanager.external.ServiceRequests;

/** Hands the call to queue-manager; the flow goes on when queue-manager releases it ({@code queuecall_timeout}). */
@Component
class QueueJoinExecutor implements ActionExecutor {

    private final ExternalServices services;

    QueueJoinExecutor(ExternalServices services) {
        this.services = services;
    }

    @Override
    public ActionType type() {
        return ActionType.QUEUE_JOIN;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.QueueJoin option = context.option(ExternalOptions.QueueJoin.class);
        UUID queuecallId = services.joinQueue(new ServiceRequests.QueuecallCreate(context.customerId(),
                option.queueId(), "call", CallOf.require(context), context.activeflowId()));
        return Outcome.await(Wait.external(ServiceKeys.queuecall(queuecallId)));
    }
}
