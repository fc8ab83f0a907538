package net.voipbin.flowmanager.executor;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ExternalOptions;
import net.voipbin.flowmanager.action.FlowValidator;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.Wait;
import net.voipbin.flowmanager.external.ExternalServices;
import net.voipbin.flowmanager.external.ServiceKeys;
import net.voipbin.flowmanager.external.ServiceRequests;
import net.voipbin.flowmanager.flow.FlowLookup;
import net.voipbin.rpc.error.ApiException;

/**
 * Joins the call to a conference (option {@code conference_id}, and {@code role}: participant by default, or
 * moderator); the flow goes on when it leaves ({@code conferencecall_left}). A join the
 * conference refuses (4xx: unknown or another customer's conference, terminated, full) goes on with the next
 * action at once, the reason in {@code voipbin.conference.error}: the caller hears the rest of the flow
 * instead of silence. A conference-manager that does not answer (5xx) fails the action as any other.
 * A conference with a pre flow has it run first ({@link ConferencePreFlow}). A participant that left because
 * the conference was stopped or timed out continues with the conference's post flow ({@code post_flow_id}
 * on the event), which replaces the rest of this flow.
 */
@Component
class ConferenceJoinExecutor implements ActionExecutor {

    static final String ERROR_VARIABLE = "voipbin.conference.error";
    /** The conference whose pre flow this activeflow has just run (cleared by the join that follows it). */
    static final String PRE_FLOW_VARIABLE = "voipbin.conference.pre_flow_done";
    private static final Logger log = LoggerFactory.getLogger(ConferenceJoinExecutor.class);

    private final ExternalServices services;
    private final Optional<FlowLookup> flows;
    private final FlowValidator options;

    @Autowired
    ConferenceJoinExecutor(ExternalServices services, FlowLookup flows, FlowValidator options) {
        this.services = services;
        this.flows = Optional.of(flows);
        this.options = options;
    }

    /** Without flow lookup: pre and post flows are not run (unit tests of the join alone). */
    ConferenceJoinExecutor(ExternalServices services) {
        this.services = services;
        this.flows = Optional.empty();
        this.options = null;
    }

    @Override
    public ActionType type() {
        return ActionType.CONFERENCE_JOIN;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.ConferenceJoin option = context.option(ExternalOptions.ConferenceJoin.class);
        Optional<Outcome> preFlow = preFlow(context, option.conferenceId());
        if (preFlow.isPresent()) {
            return preFlow.get();
        }
        UUID conferencecallId;
        try {
            conferencecallId = services.joinConference(new ServiceRequests.ConferencecallCreate(context.customerId(),
                    option.conferenceId(), "call", CallOf.require(context), context.activeflowId(), option.role()));
        } catch (ApiException e) {
            if (e.status() < 400 || e.status() >= 500) {
                throw e;
            }
            log.info("activeflow {}: conference {} refused the join ({} {}), the flow goes on", context.activeflowId(),
                    option.conferenceId(), e.status(), e.code());
            context.setVariable(ERROR_VARIABLE, e.status() + " " + e.code() + ": " + e.getMessage());
            return Outcome.NEXT;
        }
        return Outcome.await(Wait.external(ServiceKeys.conferencecall(conferencecallId)));
    }

    /**
     * The conference's pre flow, once per join: its actions go in front of the flow, ending with a goto back
     * here; the variable marks it run, so this join then goes ahead (and clears the mark for a later one).
     */
    private Optional<Outcome> preFlow(ActionContext context, UUID conferenceId) {
        if (flows.isEmpty()) {
            return Optional.empty();
        }
        if (conferenceId.toString().equals(context.variable(PRE_FLOW_VARIABLE))) {
            context.setVariable(PRE_FLOW_VARIABLE, "");
            return Optional.empty();
        }
        return services.conferencePreFlow(context.customerId(), conferenceId)
                .flatMap(flowId -> flows.get().find(context.customerId(), flowId))
                .map(flow -> {
                    log.info("activeflow {}: conference {} pre flow {} first", context.activeflowId(), conferenceId,
                            flow.id());
                    context.setVariable(PRE_FLOW_VARIABLE, conferenceId.toString());
                    return new Outcome.Replace(ConferencePreFlow.splice(flow.actions(), context.state().actions(),
                            context.action().id(), options));
                });
    }

    @Override
    public Outcome resume(ActionContext context, Signal signal) {
        if (!(signal instanceof Signal.External external) || external.data() == null || flows.isEmpty()) {
            return Outcome.NEXT;
        }
        String postFlow = external.data().path("post_flow_id").asString("");
        if (postFlow.isEmpty()) {
            return Outcome.NEXT;
        }
        UUID flowId;
        try {
            flowId = UUID.fromString(postFlow);
        } catch (IllegalArgumentException e) {
            return Outcome.NEXT;
        }
        return flows.get().find(context.customerId(), flowId)
                .map(flow -> (Outcome) new Outcome.Replace(flow.actions()))
                .orElseGet(() -> {
                    log.warn("activeflow {}: post flow {} not found, the flow goes on", context.activeflowId(), flowId);
                    return Outcome.NEXT;
                });
    }
}
