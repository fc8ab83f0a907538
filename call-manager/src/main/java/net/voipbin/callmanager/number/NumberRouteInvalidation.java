package net.voipbin.callmanager.number;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.rpc.event.EventSubscriptions;
import net.voipbin.rpc.event.InstanceEventSubscriber;

/**
 * call-manager runs as several instances, each with its own route cache; a number changed through one
 * instance's REST is announced, and every instance reads routes again.
 */
@Component
class NumberRouteInvalidation implements InstanceEventSubscriber {

    private final NumberService numbers;

    NumberRouteInvalidation(NumberService numbers) {
        this.numbers = numbers;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        String cm = CallManagerEvents.PUBLISHER;
        s.onEvent(cm, CallManagerEvents.NUMBER_CREATED, event -> numbers.forgetRoutes())
                .onEvent(cm, CallManagerEvents.NUMBER_UPDATED, event -> numbers.forgetRoutes())
                .onEvent(cm, CallManagerEvents.NUMBER_DELETED, event -> numbers.forgetRoutes());
    }
}
