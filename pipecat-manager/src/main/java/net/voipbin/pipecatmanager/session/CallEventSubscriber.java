package net.voipbin.pipecatmanager.session;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;

/**
 * call-manager's {@code call_hungup}: the caller is gone, so the call's AI sessions end. Asterisk does
 * not end an AudioSocket channel on its own when the caller leaves its bridge; closing the socket does.
 * Read field by field (only {@code id}), so a newer call-manager's record never makes it unreadable.
 */
@Component
class CallEventSubscriber implements EventSubscriber {

    private final PipecatcallService service;

    CallEventSubscriber(PipecatcallService service) {
        this.service = service;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        // Not a call id: nothing of ours can belong to it.
        s.onEvent(CallManagerEvents.PUBLISHER, CallManagerEvents.CALL_HUNGUP,
                event -> event.uuid("id").ifPresent(service::callHungup));
    }
}
