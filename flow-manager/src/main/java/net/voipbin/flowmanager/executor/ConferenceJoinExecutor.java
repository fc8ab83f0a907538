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

/** Joins the call to a conference; the flow goes on when it leaves ({@code conferencecall_left}). */
@Component
class ConferenceJoinExecutor implements ActionExecutor {

    private final ExternalServices services;

    ConferenceJoinExecutor(ExternalServices services) {
        this.services = services;
    }

    @Override
    public ActionType type() {
        return ActionType.CONFERENCE_JOIN;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.ConferenceJoin option = context.option(ExternalOptions.ConferenceJoin.class);
        UUID conferencecallId = services.joinConference(new ServiceRequests.ConferencecallCreate(
                context.customerId(), option.conferenceId(), "call", CallOf.require(context), context.activeflowId()));
        return Outcome.await(Wait.external(ServiceKeys.conferencecall(conferencecallId)));
    }
}
