package net.voipbin.callmanager.call;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.callmanager.config.CallManagerProperties;
import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.ActiveflowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.rpc.client.BrokerRetry;

/**
 * The calls' side of flow-manager: start a call's flow. Its end needs no request: flow-manager ends a
 * call's flow on the {@code call_hungup} event, so a slow or absent flow-manager never holds up hangup
 * handling, and the end is not lost while it is down (the event waits in its queue).
 */
@Component
public class ActiveflowLink {

    private static final Logger log = LoggerFactory.getLogger(ActiveflowLink.class);

    private final FlowManagerClient flows;
    private final Duration retryBudget;

    ActiveflowLink(FlowManagerClient flows, CallManagerProperties properties) {
        this.flows = flows;
        this.retryBudget = properties.retryBudget();
    }

    /**
     * Starts the call's flow, with the activeflow id the call already names if it does; empty (logged)
     * when flow-manager refuses, or does not answer within the retry budget (a broker restart: the caller
     * rings a few seconds longer rather than being turned away). Sending it again is safe: flow-manager
     * answers a create with a running activeflow's id with that activeflow.
     */
    public Optional<Activeflow> start(CallRow call) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("voipbin.call.id", call.id().toString());
        variables.put("voipbin.call.direction", CallRepository.lower(call.direction()));
        variables.put("voipbin.call.source", call.source().target());
        variables.put("voipbin.call.destination", call.destination().target());
        try {
            ActiveflowCreate create = new ActiveflowCreate(call.activeflowId(), call.customerId(), call.flowId(),
                    Activeflow.ReferenceType.CALL, call.id(), variables);
            // Without an id of the call's own a second send could start a second flow: sent once.
            return Optional.of(call.activeflowId() == null ? flows.create(create)
                    : BrokerRetry.within(retryBudget, "starting the flow of call " + call.id(), () -> flows.create(create)));
        } catch (RuntimeException e) {
            log.warn("call {}: flow {} could not be started: {}", call.id(), call.flowId(), e.getMessage());
            return Optional.empty();
        }
    }
}
