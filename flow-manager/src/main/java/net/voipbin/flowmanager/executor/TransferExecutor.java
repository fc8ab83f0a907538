package net.voipbin.flowmanager.executor;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ExternalOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.flow.FlowLookup;

/**
 * Blind or attended transfer through call-manager; the flow goes on (usually to its end). Once the transfer
 * completes the flow's control of the call ends; with {@code flow_id} the call then runs that flow (started
 * on {@code transfer_completed}, see {@code ActiveflowSignals}). A {@code flow_id} the customer does not have
 * fails the action here, before any target is dialed.
 */
@Component
class TransferExecutor implements ActionExecutor {

    private final CallCommands calls;
    private final FlowLookup flows;

    TransferExecutor(CallCommands calls, FlowLookup flows) {
        this.calls = calls;
        this.flows = flows;
    }

    @Override
    public ActionType type() {
        return ActionType.TRANSFER;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.Transfer option = context.option(ExternalOptions.Transfer.class);
        if (option.flowId() != null && flows.find(context.customerId(), option.flowId()).isEmpty()) {
            return Outcome.fail("transfer: flow " + option.flowId() + " not found");
        }
        calls.transfer(CallOf.require(context), new CallRequests.Transfer(option.type(), option.destination(),
                option.flowId()));
        return Outcome.NEXT;
    }
}
