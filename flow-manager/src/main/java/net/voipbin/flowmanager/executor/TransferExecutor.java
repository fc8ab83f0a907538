package net.voipbin.flowmanager.executor;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ExternalOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Blind or attended transfer through call-manager; the flow goes on (usually to its end). */
@Component
class TransferExecutor implements ActionExecutor {

    private final CallCommands calls;

    TransferExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.TRANSFER;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.Transfer option = context.option(ExternalOptions.Transfer.class);
        calls.transfer(CallOf.require(context), new CallRequests.Transfer(option.type(), option.destination()));
        return Outcome.NEXT;
    }
}
