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
import net.voipbin.contract.pipecatmanager.PipecatcallCreate;

/** Starts an AI voice session; the flow goes on when it ends ({@code pipecatcall_ended}). */
@Component
class AiTalkExecutor implements ActionExecutor {

    private final ExternalServices services;

    AiTalkExecutor(ExternalServices services) {
        this.services = services;
    }

    @Override
    public ActionType type() {
        return ActionType.AI_TALK;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.AiTalk option = context.option(ExternalOptions.AiTalk.class);
        UUID sessionId = services.startAiTalk(new PipecatcallCreate(CallOf.require(context), option.runnerUrl(),
                option.audioFormat(), null));
        return Outcome.await(Wait.external(ServiceKeys.pipecatcall(sessionId)));
    }
}
