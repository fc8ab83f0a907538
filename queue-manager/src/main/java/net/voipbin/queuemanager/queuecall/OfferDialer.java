package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.agentmanager.OfferRequests;
import net.voipbin.contract.agentmanager.RingMethod;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.queuemanager.config.QueueManagerProperties;

/**
 * Rings the reserved agents through call-manager, showing the caller's number, with the queue's ring timeout as
 * the dial timeout: a {@code ringall} agent at all its addresses at once, a {@code linear} agent at its first
 * address, then at the next each time one rings out ({@link OfferOutcomes}), each for the ring timeout. The caller
 * is bridged only when one answers.
 */
@Component
class OfferDialer {

    private static final Logger log = LoggerFactory.getLogger(OfferDialer.class);

    private final CallManagerClient calls;
    private final AgentManagerClient agents;
    private final OfferCalls offerCalls;
    private final OfferOutcomes outcomes;
    private final QueueManagerProperties properties;
    private final Clock clock;

    OfferDialer(CallManagerClient calls, AgentManagerClient agents, OfferCalls offerCalls, OfferOutcomes outcomes,
            QueueManagerProperties properties, Clock clock) {
        this.calls = calls;
        this.agents = agents;
        this.offerCalls = offerCalls;
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
    }

    void dial(Dispatcher.Offer offer) {
        Address source = callerNumber(offer.caller());
        for (Agent agent : offer.reservation().agents()) {
            List<Address> to = agent.ringMethod() == RingMethod.LINEAR ? agent.addresses().subList(0, 1)
                    : agent.addresses();
            dial(offer.caller(), offer.reservation().id(), agent.id(), source, to, 0,
                    offer.queue().ringTimeoutSeconds());
        }
    }

    /**
     * A linear agent's address {@code index} rang out: the agent is rung at the next one, agent-manager's ring
     * deadline moved along first (else it would count the agent as missing the offer meanwhile).
     */
    void dialNext(Queuecall caller, UUID reservationId, UUID agentId, Address address, int index, int ringTimeoutSeconds) {
        try {
            agents.ringing(agentId, new OfferRequests.Ringing(caller.customerId(), reservationId,
                    Math.min(3600, ringTimeoutSeconds + Dispatcher.RING_DEADLINE_MARGIN_SECONDS)));
        } catch (RuntimeException e) {
            log.info("queuecall {}: agent {} not rung on at address {}: {}", caller.id(), agentId, index, e.toString());
            outcomes.notRung(caller.id(), reservationId, agentId);
            return;
        }
        dial(caller, reservationId, agentId, callerNumber(caller), List.of(address), index, ringTimeoutSeconds);
    }

    /** A linear agent's address after {@code index}, read now (the profile may have changed); empty at the last. */
    Optional<Address> nextAddress(UUID customerId, UUID agentId, int index) {
        try {
            Agent agent = agents.get(customerId, agentId);
            return agent.ringMethod() == RingMethod.LINEAR && index + 1 < agent.addresses().size()
                    ? Optional.of(agent.addresses().get(index + 1)) : Optional.empty();
        } catch (RuntimeException e) {
            log.info("agent {} not readable ({}): no next address", agentId, e.toString());
            return Optional.empty();
        }
    }

        /** Rings the agent at {@code to} (its addresses from {@code firstIndex}); a refusal counts as a missed offer. */
    private void dial(Queuecall caller, UUID reservationId, UUID agentId, Address source, List<Address> to,
            int firstIndex, int ringTimeoutSeconds) {
        try {
            List<Call> created = calls.create(new CallRequests.Create(caller.customerId(), source, to, null,
                    Math.clamp(ringTimeoutSeconds * 1000L, 1000, 300_000)));
            for (int i = 0; i < created.size(); i++) {
                offerCalls.add(created.get(i).id(), caller.id(), reservationId, agentId, firstIndex + i, clock.instant());
            }
            log.info("queuecall {}: agent {} rung at {} (calls {})", caller.id(), agentId, to,
                    created.stream().map(Call::id).toList());
        } catch (RuntimeException e) {
            log.warn("queuecall {}: ringing agent {} failed: {}", caller.id(), agentId, e.toString());
            outcomes.notRung(caller.id(), reservationId, agentId);
        }
    }

    private Address callerNumber(Queuecall caller) {
        try {
            Call call = calls.get(caller.referenceId());
            if (call.source() != null && call.source().target() != null && !call.source().target().isBlank()) {
                return call.source();
            }
        } catch (RuntimeException e) {
            log.info("queuecall {}: caller's number not readable ({}), offering as {}", caller.id(),
                    e.toString(), properties.offerSource());
        }
        return new Address(Address.AddressType.TEL, properties.offerSource());
    }
}
