package net.voipbin.flowmanager.flow;

import org.springframework.stereotype.Component;

import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventSubscriptions;
import net.voipbin.rpc.event.InstanceEventSubscriber;

/**
 * Any instance serves the flows' REST API while the leader starts the activeflows from its cache: a flow
 * edited or deleted at one instance is announced, and every instance drops its cached copy.
 */
@Component
class FlowCacheInvalidation implements InstanceEventSubscriber {

    private final FlowService flows;

    FlowCacheInvalidation(FlowService flows) {
        this.flows = flows;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        String fm = FlowManagerEvents.PUBLISHER;
        s.onEvent(fm, FlowManagerEvents.FLOW_UPDATED, this::forget)
                .onEvent(fm, FlowManagerEvents.FLOW_DELETED, this::forget);
    }

    private void forget(Event event) {
        event.uuid("customer_id").ifPresent(customer -> event.uuid("id").ifPresent(id -> flows.forget(customer, id)));
    }
}
