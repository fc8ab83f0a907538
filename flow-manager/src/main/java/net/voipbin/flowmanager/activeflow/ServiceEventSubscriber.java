package net.voipbin.flowmanager.activeflow;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import net.voipbin.contract.pipecatmanager.PipecatManagerClient;
import net.voipbin.contract.pipecatmanager.PipecatManagerEvents;
import net.voipbin.flowmanager.external.ServiceKeys;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;
import net.voipbin.rpc.event.RawEventHandler;

/**
 * The end events of the services a flow hands its call to: the resource's {@code id} is the one the
 * action's RPC answered, and the flow waiting for it goes on.
 */
@Component
class ServiceEventSubscriber implements EventSubscriber {

    static final String QUEUE_MANAGER = "queue-manager";
    static final String CONFERENCE_MANAGER = "conference-manager";
    static final String QUEUECALL_TIMEOUT = "queuecall_timeout";
    static final String QUEUECALL_DONE = "queuecall_done";
    static final String QUEUECALL_ABANDONED = "queuecall_abandoned";
    static final String QUEUECALL_KICKED = "queuecall_kicked";
    static final String CONFERENCECALL_LEFT = "conferencecall_left";

    private final ActiveflowSignals signals;

    ServiceEventSubscriber(ActiveflowSignals signals) {
        this.signals = signals;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        s.onEvent(QUEUE_MANAGER, QUEUECALL_TIMEOUT, resume(ServiceKeys::queuecall))
                .onEvent(QUEUE_MANAGER, QUEUECALL_DONE, resume(ServiceKeys::queuecall))
                .onEvent(QUEUE_MANAGER, QUEUECALL_ABANDONED, resume(ServiceKeys::queuecall))
                .onEvent(QUEUE_MANAGER, QUEUECALL_KICKED, resume(ServiceKeys::queuecall))
                .onEvent(CONFERENCE_MANAGER, CONFERENCECALL_LEFT, resume(ServiceKeys::conferencecall))
                .onEvent(PipecatManagerClient.SERVICE, PipecatManagerEvents.PIPECATCALL_ENDED,
                        resume(ServiceKeys::pipecatcall));
    }

    private RawEventHandler resume(Function<UUID, String> key) {
        return (Event event) -> event.uuid("id")
                .ifPresent(id -> signals.external(key.apply(id), event.data()));
    }
}
