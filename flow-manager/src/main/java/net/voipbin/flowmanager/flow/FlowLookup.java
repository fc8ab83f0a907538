package net.voipbin.flowmanager.flow;

import java.util.Optional;
import java.util.UUID;

import net.voipbin.contract.flowmanager.Flow;

/** A customer's stored flow, for starting activeflows and for fetch_flow. */
public interface FlowLookup {

    Optional<Flow> find(UUID customerId, UUID flowId);
}
