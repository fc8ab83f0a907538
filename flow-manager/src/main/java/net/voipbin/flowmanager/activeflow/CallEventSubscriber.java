package net.voipbin.flowmanager.activeflow;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;
import tools.jackson.databind.JsonNode;

/**
 * call-manager's events that move flows on. Read field by field rather than bound to the records, so a
 * newer call-manager (a new operation or hangup reason) never makes an event unreadable here.
 */
@Component
class CallEventSubscriber implements EventSubscriber {

    private final ActiveflowSignals signals;

    CallEventSubscriber(ActiveflowSignals signals) {
        this.signals = signals;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        String cm = CallManagerEvents.PUBLISHER;
        s.onEvent(cm, CallManagerEvents.CALL_OPERATION_FINISHED, this::operationFinished)
                .onEvent(cm, CallManagerEvents.CALL_ANSWERED, e -> e.uuid("id").ifPresent(signals::callAnswered))
                .onEvent(cm, CallManagerEvents.CALL_HUNGUP, e -> e.uuid("id").ifPresent(signals::callHungup))
                .onEvent(cm, CallManagerEvents.TRANSFER_COMPLETED, this::transferCompleted);
    }

    private void transferCompleted(Event event) {
        event.uuid("transferee_call_id").ifPresent(callId -> signals.callTransferred(
                new ActiveflowSignals.TransferCompleted(event.uuid("id").orElse(null),
                        event.uuid("customer_id").orElse(null), callId, event.uuid("target_call_id").orElse(null),
                        event.uuid("flow_id").orElse(null), event.uuid("activeflow_id").orElse(null))));
    }

    private void operationFinished(Event event) {
        JsonNode data = event.data();
        Optional<UUID> callId = event.uuid("call_id");
        String operationId = data == null ? null : data.path("operation_id").asString(null);
        if (callId.isEmpty() || operationId == null) {
            return;
        }
        signals.operationFinished(new CallOperationFinished(callId.get(), event.uuid("customer_id").orElse(null),
                event.uuid("activeflow_id").orElse(null), operationId,
                constant(CallOperationFinished.Operation.class, data.path("operation").asString("")),
                constant(CallOperationFinished.Result.class, data.path("result").asString("")),
                data.path("digits").asString("")));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
