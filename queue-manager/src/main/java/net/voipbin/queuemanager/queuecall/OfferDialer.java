package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.RingMethod;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.queuemanager.config.QueueManagerProperties;

/**
 * Rings the reserved agents through call-manager: an outbound call per address (all at once for
 * {@code ringall}, only the first for {@code linear}) with the queue's ring
 * timeout as the dial timeout, showing the caller's number. The caller is bridged only when one answers
 * ({@link OfferOutcomes}).
 */
@Component
class OfferDialer {

    private static final Logger log = LoggerFactory.getLogger(OfferDialer.class);

    private final CallManagerClient calls;
    private final OfferCalls offerCalls;
    private final OfferOutcomes outcomes;
    private final QueueManagerProperties properties;
    private final Clock clock;

    OfferDialer(CallManagerClient calls, OfferCalls offerCalls, OfferOutcomes outcomes, QueueManagerProperties properties,
            Clock clock) {
        this.calls = calls;
        this.offerCalls = offerCalls;
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
    }

    void dial(Dispatcher.Offer offer) {
        Address source = callerNumber(offer);
        for (Agent agent : offer.reservation().agents()) {
            List<Address> to = agent.ringMethod() == RingMethod.LINEAR ? agent.addresses().subList(0, 1)
                    : agent.addresses();
            dial(offer, agent, source, to);
        }
    }

    /** Rings {@code agent} at {@code to}; a call-manager that refuses counts as the agent missing the offer. */
    void dial(Dispatcher.Offer offer, Agent agent, Address source, List<Address> to) {
        try {
            List<Call> created = calls.create(new CallRequests.Create(offer.caller().customerId(), source, to, null,
                    Math.clamp(offer.queue().ringTimeoutSeconds() * 1000L, 1000, 300_000)));
            created.forEach(c -> offerCalls.add(c.id(), offer.caller().id(), offer.reservation().id(), agent.id(),
                    clock.instant()));
            log.info("queuecall {}: agent {} rung at {} (calls {})", offer.caller().id(), agent.id(), to,
                    created.stream().map(Call::id).toList());
        } catch (RuntimeException e) {
            log.warn("queuecall {}: ringing agent {} failed: {}", offer.caller().id(), agent.id(), e.toString());
            outcomes.notRung(offer.caller().id(), offer.reservation().id(), agent.id());
        }
    }

    private Address callerNumber(Dispatcher.Offer offer) {
        try {
            Call caller = calls.get(offer.caller().referenceId());
            if (caller.source() != null && caller.source().target() != null && !caller.source().target().isBlank()) {
                return caller.source();
            }
        } catch (RuntimeException e) {
            log.info("queuecall {}: caller's number not readable ({}), offering as {}", offer.caller().id(),
                    e.toString(), properties.offerSource());
        }
        return new Address(Address.AddressType.TEL, properties.offerSource());
    }
}
