package net.voipbin.callmanager.call;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;
import tools.jackson.databind.JsonNode;

/**
 * flow-manager's {@code activeflow_deleted}: a call's flow has ended. Unless the flow handed the call
 * over, nothing else will ever act on it, so {@link CallService#flowEnded} hangs it up rather than
 * leave the caller in silence. Read field by field, so a newer flow-manager never makes it unreadable.
 */
@Component
class FlowEndSubscriber implements EventSubscriber {

    private final CallService calls;

    FlowEndSubscriber(CallService calls) {
        this.calls = calls;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        s.onEvent(FlowManagerEvents.PUBLISHER, FlowManagerEvents.ACTIVEFLOW_DELETED, this::ended);
    }

    private void ended(Event event) {
        JsonNode data = event.data();
        if (data == null || !"call".equals(data.path("reference_type").asString(""))) {
            return;
        }
        Optional<UUID> call = event.uuid("reference_id");
        Optional<UUID> activeflow = event.uuid("id");
        if (call.isPresent() && activeflow.isPresent()) {
            String error = data.path("error").asString("");
            calls.flowEnded(call.get(), activeflow.get(), error.isBlank() ? null : error);
        }
    }
}
