package net.voipbin.queuemanager.queuecall;

import org.springframework.stereotype.Component;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerEvents;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.AgentStatusReason;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;

/**
 * agent-manager's {@code agent_status_updated}: an agent becoming available (logged in, wrap-up over, offer
 * released or missed) dispatches the customer's waiting callers at once; a ring that timed out at agent-manager
 * before any call event ends that offer here too.
 */
@Component
class AgentEventSubscriber implements EventSubscriber {

    private final Dispatcher dispatcher;
    private final OfferOutcomes outcomes;

    AgentEventSubscriber(Dispatcher dispatcher, OfferOutcomes outcomes) {
        this.dispatcher = dispatcher;
        this.outcomes = outcomes;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        s.on(AgentManagerEvents.PUBLISHER, AgentManagerEvents.AGENT_STATUS_UPDATED, Agent.class, this::statusUpdated);
    }

    private void statusUpdated(Agent agent) {
        boolean ringEnded = agent.previousStatus() == AgentStatus.RINGING
                && (agent.statusReason() == AgentStatusReason.RING_TIMEOUT
                        || agent.statusReason() == AgentStatusReason.MISSED_LIMIT);
        if (ringEnded && agent.referenceId() != null
                && agent.reservationId() != null) {
            outcomes.ringTimedOut(agent.referenceId(), agent.reservationId(), agent.id());
        }
        if (agent.status() == AgentStatus.AVAILABLE) {
            dispatcher.triggerCustomer(agent.customerId());
        }
    }
}
