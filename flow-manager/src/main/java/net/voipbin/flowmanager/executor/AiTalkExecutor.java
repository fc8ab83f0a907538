package net.voipbin.flowmanager.executor;

import java.util.Set;
import java.util.UUID;

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
import net.voipbin.contract.pipecatmanager.PipecatcallCreate;

/**
 * Starts an AI voice session; the flow goes on when it ends ({@code pipecatcall_ended}). A session that
 * ended because its call is over ends the flow instead: the AI hung the call up ({@code end_call}) or the
 * call hung up. pipecat-manager publishes {@code pipecatcall_ended} before call-manager's {@code call_hungup}
 * has reached this flow (for end_call, as soon as call-manager accepted the hangup), and the next action
 * would then be sent to a call that is gone and fail the flow ({@code 409 call_hungup}).
 */
@Component
class AiTalkExecutor implements ActionExecutor {

    /** pipecat-manager's {@code end_reason}s that mean the session's call is over. */
    static final Set<String> CALL_OVER = Set.of("end_call", "call hungup");

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

    @Override
    public Outcome resume(ActionContext context, Signal signal) {
        if (signal instanceof Signal.External ended && ended.data() != null
                && CALL_OVER.contains(ended.data().path("end_reason").asString(""))) {
            return Outcome.END;
        }
        return Outcome.NEXT;
    }
}
