package net.voipbin.flowmanager.executor;

import java.util.UUID;

import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.rpc.error.ApiException;

/** The call an action drives; a flow run for something else cannot use call actions. */
final class CallOf {

    private CallOf() {
    }

    static UUID require(ActionContext context) {
        return context.callId().orElseThrow(() -> ApiException.badRequest("no_call",
                "action " + context.action().type() + " needs a call, but this activeflow runs for a "
                        + context.state().referenceType().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
