package net.voipbin.callmanager.transfer;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.FlowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.rpc.error.ApiException;

/**
 * The flow a transfer moves its transferee on to, checked when the transfer is asked for (before any target is
 * dialed): a stored flow must be the customer's, inline actions are stored as a flow (flow-manager validates
 * them, a 400 names the action and field), as for outbound calls.
 */
@Component
class TransferFlows {

    private final FlowManagerClient flows;

    TransferFlows(FlowManagerClient flows) {
        this.flows = flows;
    }

    /** The flow id to run after the transfer; null when the request names none. */
    UUID resolve(UUID customerId, UUID flowId, List<Action> actions) {
        boolean inline = actions != null && !actions.isEmpty();
        if (flowId != null && inline) {
            throw ApiException.invalidField("actions", "give flow_id or actions, not both");
        }
        if (flowId == null && !inline) {
            return null;
        }
        if (customerId == null) {
            throw ApiException.invalidField("flow_id", "the call belongs to no customer");
        }
        if (inline) {
            return flows.createFlow(new FlowCreate(customerId, "after a transfer",
                    "inline actions of a transfer", actions)).id();
        }
        try {
            return flows.getFlow(customerId, flowId).id();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw ApiException.invalidField("flow_id", "no flow " + flowId + " of this customer");
            }
            throw e;
        }
    }
}
